import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Document;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.PerceptronSegmenter;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.WordVectors;

/**
 * Seeds of the model fuzz targets for the kinds no CLI command writes (bench/fuzz_seeds.sh): a lexicon image of
 * corpora/user-dict-sample.txt, a SIF model over the SifEmbedderFuzzTest's fixed vectors, and the perceptron image
 * of DIR/perceptron.bin (a package-private writer, reached by reflection). Usage: java -cp JAR FuzzSeeds.java DIR
 */
public class FuzzSeeds {
    public static void main(String[] args) throws Exception {
        Path d = Path.of(args[0]);
        LexiconLoaders.userDictionary(Path.of("corpora/user-dict-sample.txt")).save(d.resolve("words.lexicon"));
        // the same vectors as SifEmbedderFuzzTest.VECTORS
        WordVectors v = WordVectors.of(List.of("我们", "喜欢", "北京", "the", "fox"),
                new float[] {1, 0, 0, 1, 1, 1, 0, 2, 3, 1}, 2, null);
        SifEmbedder.fit(v, Analyzer.whitespace(), () -> List.of(new Document("1", "我们 喜欢 北京"),
                new Document("2", "the fox the")).stream()).save(d.resolve("model.sif"));
        PerceptronSegmenter p = PerceptronSegmenter.load(d.resolve("perceptron.bin"));
        Method save = PerceptronSegmenter.class.getDeclaredMethod("saveImage", Path.class);
        save.setAccessible(true);
        save.invoke(p, d.resolve("perceptron.img"));
    }
}
