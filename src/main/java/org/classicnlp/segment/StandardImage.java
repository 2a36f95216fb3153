package org.classicnlp.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import org.classicnlp.core.TraditionalChinese;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Build step (run by Maven in {@code process-classes}, after the HanLP lexicon image): writes into the
 * build output what the standard segmenter would otherwise compute at every start, so that one line
 * segmented cold stays well under a second:
 *
 * <ol>
 * <li>the Traditional → Simplified table ({@link TraditionalChinese#RESOURCE}): HanLP's one-character
 * entries, less the characters HanLP's phrase entries keep unchanged that occur in the Simplified
 * sources (HanLP's core dictionary, the shipped model's training words);</li>
 * <li>the standard hybrid's merged dictionary ({@link HybridSegmenter#STANDARD_IMAGE}): the shipped
 * model's training counts and HanLP's core dictionary, merged exactly as
 * {@code HybridSegmenter.builder().build()} merges them, and the shipped hybrid model's HMM alone
 * ({@link HybridSegmenter#STANDARD_HMM});</li>
 * <li>the standard perceptron's ({@link PerceptronSegmenter#standard()}) match dictionary, the shipped
 * model's merged with HanLP's core dictionary ({@link PerceptronSegmenter#STANDARD_LEXICON}), and the
 * shipped model's tables uncompressed and fixed-width ({@link PerceptronSegmenter#STANDARD_TABLES}).</li>
 * </ol>
 *
 * Usage: {@code StandardImage CLASSES_DIR}.
 */
public final class StandardImage {

    private StandardImage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StandardImage CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        Lexicon core = LexiconLoaders.hanlpCore();
        HybridModel model = HybridModel.defaultModel();
        BitSet simplified = new BitSet(1 << 16);
        for (int id = 0; id < core.size(); id++) {
            core.word(id).chars().forEach(simplified::set);
        }
        for (int i = 0; i < model.trainingWordCount(); i++) {
            model.word(i).chars().forEach(simplified::set);
        }
        char[] t2s = TraditionalChinese.fromHanlp(simplified::get);
        TraditionalChinese.writeTable(t2s, classes.resolve(TraditionalChinese.RESOURCE.substring(1)));
        // The table is on the class path now: the merge below converts with it.
        Lexicon merged = HybridSegmenter.builder().build().lexicon();
        Path out = classes.resolve(HybridSegmenter.STANDARD_IMAGE.substring(1));
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        merged.save(tmp);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        // The hybrid model's HMM on its own, so the start reads 37 kB instead of the whole model file.
        Path hmm = classes.resolve(HybridSegmenter.STANDARD_HMM.substring(1));
        Path hmmTmp = hmm.resolveSibling(hmm.getFileName() + ".tmp");
        model.hmm().save(hmmTmp);
        Files.move(hmmTmp, hmm, StandardCopyOption.REPLACE_EXISTING);
        // The standard perceptron: its merged match dictionary and the shipped model's tables, raw.
        PerceptronSegmenter standard = PerceptronSegmenter.mergeStandard();
        Path lex = classes.resolve(PerceptronSegmenter.STANDARD_LEXICON.substring(1));
        Path lexTmp = lex.resolveSibling(lex.getFileName() + ".tmp");
        standard.dictionary().save(lexTmp);
        Files.move(lexTmp, lex, StandardCopyOption.REPLACE_EXISTING);
        Path tables = classes.resolve(PerceptronSegmenter.STANDARD_TABLES.substring(1));
        Path tablesTmp = tables.resolveSibling(tables.getFileName() + ".tmp");
        standard.saveImage(tablesTmp);
        Files.move(tablesTmp, tables, StandardCopyOption.REPLACE_EXISTING);
    }
}
