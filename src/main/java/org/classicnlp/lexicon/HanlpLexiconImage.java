package org.classicnlp.lexicon;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step (run by Maven in {@code process-classes}): converts HanLP's bundled core dictionary into a
 * ClassicNLP lexicon image ({@link org.classicnlp.core.ModelContainer} kind {@code lexicon}, stored
 * uncompressed) inside the build output, so that the default dictionary loads in
 * milliseconds instead of being recovered from HanLP's trie at every start. Usage: {@code HanlpLexiconImage OUTPUT_FILE}.
 */
public final class HanlpLexiconImage {

    private HanlpLexiconImage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HanlpLexiconImage OUTPUT_FILE");
        }
        // Lexicon.save writes a temporary sibling and moves it into place, so a failed build never
        // leaves half an image in target/classes.
        LexiconLoaders.loadHanlpCore().save(Path.of(args[0]));
    }
}
