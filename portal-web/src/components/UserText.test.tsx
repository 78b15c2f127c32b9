import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UserText } from './UserText';

describe('UserText', () => {
  it('isolates the value and shows a right-to-left override as a marker, so the name reads as typed', () => {
    const { container } = render(<UserText value={'\u202Egnp.exe'} />);
    const bdi = container.querySelector('bdi');
    expect(bdi).not.toBeNull();
    expect(bdi!.textContent).toBe('[U+202E]gnp.exe');
    expect(bdi!.textContent).not.toContain('\u202E');
  });

  it('keeps a formula-looking value as one isolated left-to-right run', () => {
    const { container } = render(<UserText value={'=HYPERLINK("x")'} />);
    expect(container.querySelector('bdi')!.textContent).toBe('=HYPERLINK("x")');
  });

  it('leaves Arabic and ordinary text alone, and renders nothing for no value', () => {
    expect(render(<UserText value="سارة الحربي" />).container.textContent).toBe('سارة الحربي');
    expect(render(<UserText value={null} />).container.textContent).toBe('');
  });
});
