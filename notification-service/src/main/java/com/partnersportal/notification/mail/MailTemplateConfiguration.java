package com.partnersportal.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mail template engine: {@code templates/mail/*.html} in HTML mode (every {@code th:text} escaped),
 * {@code templates/mail/*.txt} in text mode, texts from {@code mail/messages[_ar].properties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailTemplateConfiguration {

    static final String TEMPLATES = "templates/mail/";

    @Bean
    MessageSource mailTexts() {
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("mail/messages");
        texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A language without its own file falls back to messages.properties (English), never to the JVM's locale.
        texts.setFallbackToSystemLocale(false);
        return texts;
    }

    @Bean
    ITemplateEngine mailTemplateEngine(@Qualifier("mailTexts") MessageSource mailTexts) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        engine.setTemplateEngineMessageSource(mailTexts);
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(TEMPLATES);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
