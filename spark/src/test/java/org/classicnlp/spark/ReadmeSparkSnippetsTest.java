package org.classicnlp.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java spark} block of the README compiles against this module and Spark, given only its own
 * imports (the core's test compiles the plain {@code ```java} blocks, which need no Spark).
 */
class ReadmeSparkSnippetsTest {

    @TempDir
    Path out;

    @Test
    void everySparkBlockCompiles() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().equals("```java spark")) {
                continue;
            }
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            for (; j < readme.size() && !readme.get(j).strip().equals("```"); j++) {
                (readme.get(j).strip().startsWith("import ") ? imports : body).append(readme.get(j)).append('\n');
            }
            String name = "ReadmeSparkSnippet" + (i + 1);
            String src = imports + "public class " + name + " {\n public static void snippet() throws Exception {\n" + body
                    + " }\n}\n";
            units.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return src;
                }
            });
            i = j;
        }
        assertFalse(units.isEmpty(), "no ```java spark blocks in README.md");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter javacOut = new StringWriter();
        boolean ok = javac.getTask(javacOut, null, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-proc:none", "-Xlint:none", "-encoding", "UTF-8"), null, units).call();
        StringBuilder report = new StringBuilder();
        diagnostics.getDiagnostics().forEach(d -> report.append(d.getSource() == null ? "?" : d.getSource().getName())
                .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
        assertTrue(ok, "README spark snippets do not compile:\n" + report + javacOut);
    }
}
