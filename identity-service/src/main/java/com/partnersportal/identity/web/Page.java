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
                </style>
                </head>
                <body><main>
                %s
                </main></body>
                </html>
                """.formatted(escape(title), body);
    }

    /**
     * The "choose a password" form of an emailed link. It posts to the page's own path, handled on the server, so it
     * works without any script.
     */
    public static String passwordForm(String title, String intro, String action, String token, String error) {
        String errorBlock = error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>";
        return render(title, """
                <h1>%s</h1>
                <p>%s</p>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="token" value="%s">
                <label for="password">New password</label>
                <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="128" required>
                <label for="confirmation">Repeat it</label>
                <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" maxlength="128" required>
                <p class="hint">At least 12 characters; not your email address; not a common password.</p>
                <button type="submit">Save password</button>
                </form>
                """.formatted(escape(title), escape(intro), errorBlock, escape(action), escape(token)));
    }

    /** A page that only says something: the link's outcome. */
    public static String message(String title, String text, boolean ok) {
        return render(title, "<h1>%s</h1><p class=\"%s\">%s</p>".formatted(escape(title), ok ? "ok" : "error",
                escape(text)));
    }
}
