package io.mosaic.crm.platform.http.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Binds a request body strictly. The bytes must be UTF-8 exactly (RFC 8259): they are decoded by a
 * reporting {@link CharsetDecoder} before Jackson sees them, because Jackson's own decoder accepts
 * overlong forms, encoded surrogates and code points past U+10FFFF and would store them mangled.
 * Bytes that are not UTF-8, syntax errors (including trailing content and excessive depth or
 * length) and a body that is the literal {@code null} are {@code 400 malformed_json}; content that is valid JSON but does not fit the type
 * (wrong type, unknown field, duplicate key, missing required property) is
 * {@code 422 validation_failed} naming the field as a dotted path such as {@code address.city}.
 */
public final class JsonBodyReader {
    private final ObjectMapper mapper;

    public JsonBodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiProblem.malformedJson("a JSON request body is required");
        }
        // trailing content is checked below so that it is reported as a syntax error, not a binding error
        ObjectReader reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        CharBuffer text = strictUtf8(body);
        refuseUnpairedSurrogateEscapes(text);
        try (JsonParser parser = mapper.createParser(text.array(), 0, text.limit())) {
            try {
                T value = reader.readValue(parser);
                if (parser.nextToken() != null) {
                    throw ApiProblem.malformedJson("unexpected content after the JSON value");
                }
                if (value == null || value instanceof JsonNode node && node.isNull()) {
                    throw ApiProblem.malformedJson("the JSON body must be a value other than null");
                }
                return value;
            } catch (IOException e) {
                throw translate(e, parser);
            }
        } catch (IOException e) {
            throw ApiProblem.malformedJson("unreadable JSON body");
        }
    }

    /** The body as text, refusing anything that is not well-formed UTF-8. */
    private static CharBuffer strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (!result.isUnderflow()) {
            throw ApiProblem.malformedJson("the body is not valid UTF-8 (at byte " + in.position() + ")");
        }
        return out.flip();
    }

    /**
     * JSON may spell half of a UTF-16 surrogate pair as an escape ({@code "\\uD800"}) where UTF-8 could
     * not carry it: such a string is no Unicode text, and the database would store a "?" for it.
     */
    private static void refuseUnpairedSurrogateEscapes(CharBuffer text) {
        char[] chars = text.array();
        int end = text.limit();
        boolean highPending = false; // the last character was an escaped high surrogate
        int i = 0;
        while (i < end) {
            boolean escape = chars[i] == '\\';
            int unit = escape ? escapedUnit(chars, i, end) : -1;
            if (highPending != (unit >= 0 && Character.isLowSurrogate((char) unit))) {
                throw unpaired(i);
            }
            highPending = unit >= 0 && Character.isHighSurrogate((char) unit);
            i += !escape ? 1 : unit >= 0 ? 6 : 2;
        }
        if (highPending) {
            throw unpaired(end);
        }
    }

    /** The UTF-16 unit that the {@code \\uXXXX} escape at {@code i} spells, or -1 for any other escape. */
    private static int escapedUnit(char[] chars, int i, int end) {
        if (i + 5 >= end || chars[i + 1] != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = i + 2; k < i + 6; k++) {
            int digit = Character.digit(chars[k], 16);
            if (digit < 0) {
                return -1; // not an escape Jackson accepts either; it reports it
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    private static RuntimeException unpaired(int at) {
        return ApiProblem.malformedJson("the body escapes half of a UTF-16 surrogate pair (near character " + at
                + "): that is not a Unicode character");
    }

    private static RuntimeException translate(IOException e, JsonParser parser) {
        // databind wraps syntax errors met inside nested values; judge them by their cause
        Throwable failure = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException cause
                && !(cause instanceof JsonMappingException) ? cause : e;
        if (failure instanceof StreamConstraintsException limit) {
            return ApiProblem.malformedJson("the JSON body exceeds a limit: " + limit.getOriginalMessage());
        } else if (failure instanceof JsonParseException syntax) {
            return fromSyntax(syntax, parser);
        } else if (failure instanceof StreamReadException read) {
            return ApiProblem.malformedJson("malformed JSON: " + read.getOriginalMessage());
        } else if (failure instanceof JsonMappingException binding) {
            return fromBinding(binding);
        }
        return ApiProblem.malformedJson("unreadable JSON body");
    }

    private static RuntimeException fromSyntax(JsonParseException e, JsonParser parser) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field")) {
            return new ValidationException(JsonPath.of(parser.getParsingContext().pathAsPointer()), "duplicate_key");
        }
        return ApiProblem.malformedJson("malformed JSON: " + message);
    }

    private static RuntimeException fromBinding(JsonMappingException e) {
        if (e.getCause() instanceof CrmException crm) {
            return crm;
        }
        String field = JsonPath.of(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return new ValidationException(field, "unknown_field");
        } else if (e instanceof InvalidNullException) {
            return new ValidationException(field, "must_not_be_null");
        } else if (e instanceof InvalidFormatException f) {
            boolean coercion = String.valueOf(f.getOriginalMessage()).startsWith("Cannot coerce");
            return new ValidationException(field, coercion ? "wrong_type" : "invalid_format");
        } else if (e instanceof MismatchedInputException m) {
            String message = String.valueOf(m.getOriginalMessage());
            if (message.startsWith("Missing required creator property")) {
                return new ValidationException(field, "required");
            }
            if (message.startsWith("Cannot map `null`")) {
                return new ValidationException(field, "must_not_be_null"); // null or absent for a primitive
            }
            return new ValidationException(field, "wrong_type");
        } else if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new ValidationException(field, cause.getMessage() == null ? "invalid" : cause.getMessage());
        }
        // a definition problem of the target type: a bug, answered with 500
        return new IllegalStateException("cannot bind the request body", e);
    }

    /** Dotted field paths from Jackson's path references and pointers. */
    static final class JsonPath {
        private JsonPath() {}

        static String of(java.util.List<JsonMappingException.Reference> path) {
            StringBuilder out = new StringBuilder();
            for (JsonMappingException.Reference ref : path) {
                if (ref.getFieldName() != null) {
                    append(out, ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    out.append('[').append(ref.getIndex()).append(']');
                }
            }
            return out.toString();
        }

        static String of(JsonPointer pointer) {
            StringBuilder out = new StringBuilder();
            for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
                if (p.mayMatchElement()) {
                    out.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    append(out, p.getMatchingProperty());
                }
            }
            return out.toString();
        }

        private static void append(StringBuilder out, String name) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
    }
}
