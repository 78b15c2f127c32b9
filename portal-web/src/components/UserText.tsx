/**
 * A value someone else typed (a name, a reference, an address, a description): shown bidi-isolated, so it cannot
 * reorder the text around it, and with its invisible control characters (bidi overrides and isolates, zero-width
 * marks, C0/C1 controls) shown as a visible marker naming the code point, so "\u202Egnp.exe" never reads "exe.png".
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;

export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The value cut into plain text and control characters (as their code points). */
export function userTextParts(value: string): { text: string; control: boolean }[] {
  const parts: { text: string; control: boolean }[] = [];
  let last = 0;
  for (const match of value.matchAll(CONTROL)) {
    if (match.index > last) parts.push({ text: value.slice(last, match.index), control: false });
    parts.push({ text: codePoint(match[0]), control: true });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last), control: false });
  return parts;
}

export function UserText({ value, className }: { value: string | null | undefined; className?: string }) {
  if (value == null || value === '') return null;
  return (
    <bdi className={className ? `user-text ${className}` : 'user-text'}>
      {userTextParts(value).map((part, index) =>
        part.control ? (
          <span key={index} className="control-mark" title={part.text}>
            {`[${part.text}]`}
          </span>
        ) : (
          part.text
        ),
      )}
    </bdi>
  );
}
