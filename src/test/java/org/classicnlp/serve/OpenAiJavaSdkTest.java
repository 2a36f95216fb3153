package org.classicnlp.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.TokenVocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK ({@code com.openai:openai-java}) pointed at our server over loopback: every input
 * shape, both encodings, {@code dimensions}, models list and retrieve, and the error cases the SDK maps to its
 * exception types (status, {@code code}, {@code param}, {@code type} read from our error object).
 */
class OpenAiJavaSdkTest {

    static final String KEY = "sdk-key";
    static EmbeddingServer server;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = EmbeddingServer.builder().port(0).models(ServeFixtures.models()).apiKey(KEY).maxBatch(16).start();
        client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl().toString()).apiKey(KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static EmbeddingCreateParams.Builder params(String model) {
        return EmbeddingCreateParams.builder().model(model);
    }

    static float[] vector(Embedding e) {
        List<Float> list = e.embeddingValue().isBase64() ? decode(e.embeddingValue().asBase64())
                : e.embedding();
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = list.get(i);
        }
        return v;
    }

    static List<Float> decode(String b64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
        Float[] out = new Float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return List.of(out);
    }

    @Test
    void stringInputFloatAndBase64() {
        Embedder local = ServeFixtures.models().get("w2v-sif-zh");
        String text = "国家统计局公布数据显示";
        float[] want = local.embed(text).toFloatArray();
        for (EmbeddingCreateParams.EncodingFormat f : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
                EmbeddingCreateParams.EncodingFormat.BASE64)) {
            CreateEmbeddingResponse r = client.embeddings().create(params("w2v-sif-zh").input(text).encodingFormat(f)
                    .user("tester").build());
            assertEquals("w2v-sif-zh", r.model());
            assertEquals(1, r.data().size());
            assertEquals(0, r.data().get(0).index());
            assertArrayEquals(want, vector(r.data().get(0)), f.toString());
            int tokens = ((TokenVocabulary) local).countTokens(text);
            assertTrue(tokens > 1);
            assertEquals(tokens, r.usage().promptTokens());
            assertEquals(tokens, r.usage().totalTokens());
        }
    }

    @Test
    void arrayOfStringsKeepsOrder() {
        Embedder local = ServeFixtures.models().get("w2v-mean-en");
        List<String> texts = List.of("the horse eats grass", "car wheel drives", "apple juice");
        for (EmbeddingCreateParams.EncodingFormat f : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
                EmbeddingCreateParams.EncodingFormat.BASE64)) {
            CreateEmbeddingResponse r = client.embeddings().create(params("w2v-mean-en").inputOfArrayOfStrings(texts)
                    .encodingFormat(f).build());
            assertEquals(3, r.data().size());
            for (int i = 0; i < 3; i++) {
                assertEquals(i, r.data().get(i).index());
                assertArrayEquals(local.embed(texts.get(i)).toFloatArray(), vector(r.data().get(i)));
            }
            assertEquals(9, r.usage().promptTokens());
        }
    }

    @Test
    void tokenIdsAndArraysOfTokenIds() {
        Embedder local = ServeFixtures.models().get("w2v-sif-en");
        TokenVocabulary vocab = (TokenVocabulary) local;
        List<Long> ids = List.of(3L, 7L, 3L);
        String asText = vocab.term(3) + " " + vocab.term(7) + " " + vocab.term(3);
        for (EmbeddingCreateParams.EncodingFormat f : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
                EmbeddingCreateParams.EncodingFormat.BASE64)) {
            CreateEmbeddingResponse one = client.embeddings().create(params("w2v-sif-en").inputOfArrayOfTokens(ids)
                    .encodingFormat(f).build());
            assertArrayEquals(local.embed(asText).toFloatArray(), vector(one.data().get(0)), 1e-6f);
            assertEquals(3, one.usage().promptTokens());
            CreateEmbeddingResponse two = client.embeddings().create(params("w2v-sif-en")
                    .inputOfArrayOfTokenArrays(List.of(ids, List.of(7L))).encodingFormat(f).build());
            assertEquals(2, two.data().size());
            assertArrayEquals(local.embed(vocab.term(7)).toFloatArray(), vector(two.data().get(1)), 1e-6f);
            assertEquals(4, two.usage().totalTokens());
        }
    }

    @Test
    void dimensionsBothEncodings() {
        for (EmbeddingCreateParams.EncodingFormat f : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
                EmbeddingCreateParams.EncodingFormat.BASE64)) {
            CreateEmbeddingResponse r = client.embeddings().create(params("w2v-sif-en").input("horse barn")
                    .dimensions(8).encodingFormat(f).build());
            float[] v = vector(r.data().get(0));
            assertEquals(8, v.length);
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            assertEquals(1.0, n, 1e-5);
        }
    }

    @Test
    void modelsListAndRetrieve() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertEquals(List.of("tfidf-zh", "w2v-mean-en", "w2v-sif-en", "w2v-sif-zh"), ids);
        Model m = client.models().retrieve("w2v-sif-zh");
        assertEquals("w2v-sif-zh", m.id());
        assertEquals("classicnlp", m.ownedBy());
        assertTrue(m.created() > 0);
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.models().retrieve("nope"));
        assertEquals("model_not_found", e.code().orElseThrow());
    }

    @Test
    void errorCasesMapToTheSdksExceptions() {
        NotFoundException nf = assertThrows(NotFoundException.class,
                () -> client.embeddings().create(params("text-embedding-3-small").input("a").build()));
        assertEquals(404, nf.statusCode());
        assertEquals("model_not_found", nf.code().orElseThrow());
        assertEquals("model", nf.param().orElseThrow());
        assertEquals("invalid_request_error", nf.type().orElseThrow());

        BadRequestException empty = assertThrows(BadRequestException.class,
                () -> client.embeddings().create(params("w2v-sif-en").inputOfArrayOfStrings(List.of()).build()));
        assertEquals(400, empty.statusCode());
        assertEquals("input", empty.param().orElseThrow());
        assertThrows(BadRequestException.class,
                () -> client.embeddings().create(params("w2v-sif-en").input("").build()));

        List<String> seventeen = java.util.Collections.nCopies(17, "horse");
        BadRequestException many = assertThrows(BadRequestException.class,
                () -> client.embeddings().create(params("w2v-sif-en").inputOfArrayOfStrings(seventeen).build()));
        assertTrue(many.getMessage().contains("at most 16"), many.getMessage());

        BadRequestException dims = assertThrows(BadRequestException.class,
                () -> client.embeddings().create(params("tfidf-zh").input("上海").dimensions(4).build()));
        assertEquals("dimensions", dims.param().orElseThrow());

        BadRequestException ids = assertThrows(BadRequestException.class,
                () -> client.embeddings().create(params("w2v-sif-en").inputOfArrayOfTokens(List.of(1L, 1_000_000L))
                        .build()));
        assertTrue(ids.getMessage().contains("outside the vocabulary"), ids.getMessage());

        OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl().toString())
                .apiKey("not-the-key").maxRetries(0).build();
        try {
            UnauthorizedException u = assertThrows(UnauthorizedException.class,
                    () -> wrongKey.embeddings().create(params("w2v-sif-en").input("a").build()));
            assertEquals("invalid_api_key", u.code().orElseThrow());
            assertFalse(u.getMessage().contains("not-the-key"));
            assertThrows(UnauthorizedException.class, () -> wrongKey.models().list());
        } finally {
            wrongKey.close();
        }
        // none of these was a server error
        for (Class<? extends OpenAIServiceException> c : List.of(NotFoundException.class, BadRequestException.class)) {
            assertFalse(com.openai.errors.InternalServerException.class.isAssignableFrom(c));
        }
    }
}
