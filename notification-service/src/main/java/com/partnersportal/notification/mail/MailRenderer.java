package com.partnersportal.notification.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link MailRequest} from its kind's templates in the recipient's language: the subject from the
 * mail texts (with the kind's subject arguments), the HTML (escaped throughout, {@code lang} and {@code dir} set)
 * and the plain-text alternative.
 */
@Component
public class MailRenderer {

    private final ITemplateEngine templates;
    private final MessageSource texts;

    MailRenderer(ITemplateEngine mailTemplateEngine, @Qualifier("mailTexts") MessageSource mailTexts) {
        this.templates = mailTemplateEngine;
        this.texts = mailTexts;
    }

    public RenderedMail render(MailRequest request) {
        Language language = request.language();
        Locale locale = language.locale();
        Object[] subjectArguments = request.kind().subjectArguments().stream().map(request.variables()::get).toArray();
        String subject = texts.getMessage(request.kind().code() + ".subject",
                subjectArguments.length == 0 ? null : subjectArguments, locale);

        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.put("subject", subject);
        variables.put("lang", language.code());
        variables.put("dir", language.direction());
        variables.put("align", language == Language.AR ? "right" : "left");
        Context context = new Context(locale, variables);

        String template = request.kind().code();
        return new RenderedMail(subject, templates.process(template + ".html", context),
                templates.process(template + ".txt", context));
    }
}
