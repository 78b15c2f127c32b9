package com.partnersportal.identity.web;

import org.springframework.web.util.HtmlUtils;

/** Renders the few server-side HTML pages identity serves itself (activation, password reset): self-contained, escaped. */
public final class Page {

    private Page() {
    }

    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    /** A complete page with the given title and (already escaped) body. */
    public static String render(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Partners Portal</title>
                <style>
                body{font-family:system-ui,sans-serif;background:#f6f6f8;margin:0;padding:2rem;color:#1d1d29}
                main{max-width:26rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 2px 12px #0001}
                h1{font-size:1.4rem;margin-top:0}label{display:block;margin:1rem 0 .3rem}
                input{width:100%%;box-sizing:border-box;padding:.6rem;border:1px solid #bbb;border-radius:6px;font-size:1rem}
                button{margin-top:1.2rem;width:100%%;padding:.7rem;border:0;border-radius:6px;background:#1d1d29;color:#fff;font-size:1rem}
                .error{color:#b00020}.ok{color:#0a7d32}.hint{color:#555;font-size:.9rem}
                .ar{display:block;margin-top:.25rem;font-size:.95em}
                </style>
                </head>
                <body><main>
                %s
                </main></body>
                </html>
                """.formatted(escape(title), body);
    }

    /** A text in English and Arabic: the pages show both, since the link may be opened before anyone knows who. */
    public record Text(String en, String ar) {

        String html() {
            return escape(en) + "<span class=\"ar\" dir=\"rtl\" lang=\"ar\">" + escape(ar) + "</span>";
        }
    }

    /**
     * The "choose a password" form of an emailed link. It posts to the page's own path, handled on the server, so it
     * works without any script.
     */
    public static String passwordForm(Text title, Text intro, String action, String token, Text error) {
        String errorBlock = error == null ? "" : "<p class=\"error\" role=\"alert\">" + error.html() + "</p>";
        return render(title.en(), """
                <h1>%s</h1>
                <p>%s</p>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="token" value="%s">
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="128" required>
                <label for="confirmation">%s</label>
                <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" maxlength="128" required>
                <p class="hint">%s</p>
                <button type="submit">%s</button>
                </form>
                """.formatted(title.html(), intro.html(), errorBlock, escape(action), escape(token),
                new Text("New password", "كلمة المرور الجديدة").html(),
                new Text("Repeat it", "أعد كتابتها").html(),
                new Text("At least 12 characters; not your email address; not a common password.",
                        "12 حرفًا على الأقل، لا تتضمن بريدك الإلكتروني، وليست من كلمات المرور الشائعة.").html(),
                new Text("Save password", "حفظ كلمة المرور").html()));
    }

    /** A page that only says something: the link's outcome. */
    public static String message(Text title, Text text, boolean ok) {
        return render(title.en(), "<h1>%s</h1><p class=\"%s\">%s</p>".formatted(title.html(), ok ? "ok" : "error",
                text.html()));
    }

    /** What a refused password is told, after the rule's own English message. */
    public static Text passwordRefused(String englishReason) {
        return new Text(englishReason, "كلمة المرور لا تستوفي الشروط المذكورة أدناه.");
    }

    public static final Text PASSWORDS_DIFFER = new Text("The two passwords differ.", "كلمتا المرور غير متطابقتين.");
}
