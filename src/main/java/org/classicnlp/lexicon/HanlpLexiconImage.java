package org.classicnlp.lexicon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by Maven in {@code process-classes}): converts HanLP's bundled core dictionary into a
 * ClassicNLP lexicon image inside the build output, so that the default dictionary loads in
 * milliseconds instead of being recovered from HanLP's trie at every start. Usage: {@code HanlpLexiconImage OUTPUT_FILE}.
 */
public final class HanlpLexiconImage {

    private HanlpLexiconImage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HanlpLexiconImage OUTPUT_FILE");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Lexicon core = LexiconLoaders.loadHanlpCore();
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        core.save(tmp);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
