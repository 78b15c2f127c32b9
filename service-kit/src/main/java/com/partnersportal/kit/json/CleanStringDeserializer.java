package com.partnersportal.kit.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/** Every JSON string a caller sends, refused when it holds a character {@link CleanText} refuses. */
class CleanStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && CleanText.firstRefused(text) >= 0) {
            return (String) context.handleWeirdStringValue(String.class, text,
                    "contains a control character, an unpaired surrogate or a noncharacter");
        }
        return text;
    }
}
