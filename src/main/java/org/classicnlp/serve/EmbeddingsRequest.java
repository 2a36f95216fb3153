package org.classicnlp.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/embeddings}, parsed and type-checked: every way it can be wrong is an
 * {@link ApiError} (400) naming the parameter.
 *
 * @param texts      the inputs when {@code input} is a string or an array of strings, else null
 * @param tokenIds   the inputs when {@code input} is an array of token ids (one input) or an array of such
 *                   arrays, else null
 * @param model      the model name
 * @param base64     {@code encoding_format} is {@code base64} (little-endian float32), else {@code float}
 * @param dimensions the requested {@code dimensions}, or 0 when absent
 * @param user       the caller's end-user id (accepted, logged nowhere), or null
 */
record EmbeddingsRequest(List<String> texts, List<int[]> tokenIds, String model, boolean base64, int dimensions,
                         String user) {

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private static final String INPUT_SHAPE = "'input' must be a string, an array of strings, an array of token ids"
            + " (integers) or an array of arrays of token ids";

    int size() {
        return texts != null ? texts.size() : tokenIds.size();
    }

    static EmbeddingsRequest parse(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ApiError.invalid(null, "the request body must be a JSON object");
            }
            List<String> texts = null;
            List<int[]> ids = null;
            boolean hasInput = false;
            String model = null;
            boolean base64 = false;
            int dimensions = 0;
            String user = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "input" -> {
                        hasInput = true;
                        texts = null;
                        ids = null;
                        if (t == JsonToken.VALUE_STRING) {
                            texts = List.of(p.getText());
                        } else if (t == JsonToken.START_ARRAY) {
                            JsonToken first = p.nextToken();
                            if (first == JsonToken.END_ARRAY) {
                                throw ApiError.invalid("input", "'input' is an empty array; give at least one input");
                            } else if (first == JsonToken.VALUE_STRING) {
                                texts = strings(p);
                            } else if (first == JsonToken.VALUE_NUMBER_INT) {
                                ids = List.of(ints(p, -1));
                            } else if (first == JsonToken.START_ARRAY) {
                                ids = idArrays(p);
                            } else {
                                throw ApiError.invalid("input", INPUT_SHAPE + "; element 0 is " + describe(first));
                            }
                        } else {
                            throw ApiError.invalid("input", INPUT_SHAPE + "; got " + describe(t));
                        }
                    }
                    case "model" -> model = string(p, t, "model");
                    case "encoding_format" -> {
                        String f = string(p, t, "encoding_format");
                        if (f.equals("base64")) {
                            base64 = true;
                        } else if (f.equals("float")) {
                            base64 = false;
                        } else {
                            throw ApiError.invalid("encoding_format", "'encoding_format' must be 'float' or 'base64', got '"
                                    + f + "'");
                        }
                    }
                    case "dimensions" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw ApiError.invalid("dimensions", "'dimensions' must be an integer, got " + describe(t));
                        }
                        long d = p.getLongValue();
                        if (d < 1 || d > Integer.MAX_VALUE) {
                            throw ApiError.invalid("dimensions", "'dimensions' must be at least 1, got " + d);
                        }
                        dimensions = (int) d;
                    }
                    case "user" -> user = string(p, t, "user");
                    default -> p.skipChildren();   // fields we do not use, as the hosted API ignores unknown ones
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw ApiError.invalid(null, "the request body must be one JSON object");
            }
            if (model == null) {
                throw ApiError.invalid("model", "you must provide a model parameter");
            }
            if (!hasInput) {
                throw ApiError.invalid("input", "you must provide an input parameter");
            }
            return new EmbeddingsRequest(texts, ids, model, base64, dimensions, user);
        } catch (InputCoercionException e) {
            throw ApiError.invalid("input", "a token id is not a 32-bit integer: " + e.getOriginalMessage());
        } catch (StreamConstraintsException e) {
            throw ApiError.invalid(null, "the JSON body is too deeply nested or too large: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.invalid(null, "we could not parse the JSON body of your request: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw ApiError.invalid(null, "we could not read the JSON body of your request: " + e.getMessage());
        }
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw ApiError.invalid(field, "'" + field + "' must be a string, got " + describe(t));
        }
        return p.getText();
    }

    /** The rest of an array whose first element (current token) is a string. */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw ApiError.invalid("input", INPUT_SHAPE + "; element " + out.size() + " of the array of strings is "
                        + describe(t));
            }
            out.add(p.getText());
        }
        return out;
    }

    /** The rest of an array of ints whose first element is the current token; {@code outer} names it in errors. */
    private static int[] ints(JsonParser p, int outer) throws IOException {
        int[] buf = new int[16];
        int n = 0;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw ApiError.invalid("input", INPUT_SHAPE + "; element " + n
                        + (outer >= 0 ? " of input " + outer : " of the array of token ids") + " is " + describe(t));
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = p.getIntValue();
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The rest of an array of arrays of ints; the current token opens the first inner array. */
    private static List<int[]> idArrays(JsonParser p) throws IOException {
        List<int[]> out = new ArrayList<>();
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_ARRAY) {
                throw ApiError.invalid("input", INPUT_SHAPE + "; element " + out.size()
                        + " of the array of token-id arrays is " + describe(t));
            }
            JsonToken first = p.nextToken();
            int[] ids = first == JsonToken.END_ARRAY ? new int[0] : ints(p, out.size());
            out.add(ids);
        }
        return out;
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the body";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a non-integer number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
