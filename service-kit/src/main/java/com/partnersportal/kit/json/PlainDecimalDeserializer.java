package com.partnersportal.kit.json;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Decimals (money above all) only as JSON numbers in plain decimal notation: {@code 100.00}, never {@code "100.00"},
 * {@code 1e2}, {@code true} or an array. The amount's scale against its currency is checked where the currency is
 * known ({@code Money}).
 */
class PlainDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

    PlainDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        String text = parser.getString();
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, parser.getNumberValue(),
                    "must be written in plain decimal notation, without an exponent");
        }
        return parser.getDecimalValue();
    }
}
