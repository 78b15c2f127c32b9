package com.partnersportal.kit.json;

import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly, in every service: numbers only as JSON numbers (a string, a boolean or an
 * exponent is refused; {@code 1.5} is not an integer), text without control characters, lone surrogates or
 * noncharacters. A refused value is a 400 problem naming the field (see {@code ProblemDetailsAdvice}).
 */
@AutoConfiguration
public class StrictJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        SimpleModule strict = new SimpleModule("portal-strict-json")
                .addDeserializer(BigDecimal.class, new PlainDecimalDeserializer())
                .addDeserializer(String.class, new CleanStringDeserializer());
        return builder -> builder.addModule(strict)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, numbersOnly())
                .withCoercionConfig(LogicalType.Float, numbersOnly())
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    private static java.util.function.Consumer<tools.jackson.databind.cfg.MutableCoercionConfig> numbersOnly() {
        return config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
}
