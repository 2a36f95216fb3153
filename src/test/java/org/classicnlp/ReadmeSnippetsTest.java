package org.classicnlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.Segmenters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block in README.md compiles as the body of a method, given only the import lines
 * the block itself shows: the block's {@code import} lines open a compilation unit, the rest becomes the
 * body of a method declared {@code throws Exception}, compiled against the test class path. A failure
 * names the README line of each error.
 */
class ReadmeSnippetsTest {

    @TempDir
    Path out;

    /** A {@code ```java} block: its README line of the first code line, and its lines. */
    record Snippet(int firstLine, List<String> lines) {
    }

    static List<Snippet> snippets(List<String> readme) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).strip().equals("```java")) {
                int start = i + 1;
                int end = start;
                while (end < readme.size() && !readme.get(end).strip().equals("```")) {
                    end++;
                }
                found.add(new Snippet(start + 1, readme.subList(start, end)));
                i = end;
            }
        }
        return found;
    }

    /** A snippet as a compilation unit; {@code readmeLine[k]} is the README line of unit line k + 1 (0: none). */
    record Unit(String name, String source, int[] readmeLine) {
    }

    static Unit unit(Snippet s, int number) {
        List<String> imports = new ArrayList<>();
        List<Integer> importLines = new ArrayList<>();
        List<String> body = new ArrayList<>();
        List<Integer> bodyLines = new ArrayList<>();
        for (int k = 0; k < s.lines().size(); k++) {
            String line = s.lines().get(k);
            if (line.strip().startsWith("import ")) {
                imports.add(line);
                importLines.add(s.firstLine() + k);
            } else {
                body.add(line);
                bodyLines.add(s.firstLine() + k);
            }
        }
        String name = "ReadmeSnippet" + number;
        StringBuilder src = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        for (int k = 0; k < imports.size(); k++) {
            src.append(imports.get(k)).append('\n');
            map.add(importLines.get(k));
        }
        src.append("public class ").append(name).append(" {\n");
        map.add(0);
        src.append("    public static void snippet() throws Exception {\n");
        map.add(0);
        for (int k = 0; k < body.size(); k++) {
            src.append(body.get(k)).append('\n');
            map.add(bodyLines.get(k));
        }
        src.append("    }\n}\n");
        map.add(0);
        map.add(0);
        return new Unit(name, src.toString(), map.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void everyJavaBlockCompilesWithOnlyItsOwnImports() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<Snippet> snippets = snippets(readme);
        assertFalse(snippets.isEmpty(), "no ```java blocks in README.md");
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            units.add(unit(snippets.get(i), i + 1));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Unit u : units) {
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + u.name() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return u.source();
                }
            });
        }
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-proc:none", "-Xlint:none", "-encoding", "UTF-8");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            StringWriter javacOut = new StringWriter();
            boolean ok = javac.getTask(javacOut, files, diagnostics, options, null, sources).call();
            StringBuilder report = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Unit u = units.stream().filter(x -> d.getSource() != null
                        && d.getSource().getName().endsWith(x.name() + ".java")).findFirst().orElse(null);
                int line = (int) d.getLineNumber();
                int readmeLine = u != null && line >= 1 && line <= u.readmeLine().length ? u.readmeLine()[line - 1] : 0;
                report.append("README.md:").append(readmeLine > 0 ? readmeLine : "?").append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n');
                if (readmeLine > 0) {
                    report.append("    ").append(readme.get(readmeLine - 1).strip()).append('\n');
                }
            }
            if (!ok) {
                fail("README java snippets do not compile (each block is a method body with only its own"
                        + " imports):\n" + report + javacOut);
            }
        }
    }

    /** The README's statistical-segmentation comment, checked: the name is in no dictionary and is found. */
    @Test
    void theNameExampleFindsTheName() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("keepAll.words(\"梅西在巴塞罗那踢球。\");"), "README example changed: update this test");
        assertFalse(LexiconLoaders.hanlpCore().contains("梅西"));
        assertEquals(List.of("梅西", "在", "巴塞罗那", "踢球", "。"),
                HybridSegmenter.standard().withNewWordMargin(Double.NEGATIVE_INFINITY).words("梅西在巴塞罗那踢球。"));
        assertTrue(readme.contains("seg.words(\"我爱北京天安门。\");"), "README example changed: update this test");
        assertEquals(List.of("我", "爱", "北京", "天安门", "。"), Segmenters.standard().words("我爱北京天安门。"));
    }
}
