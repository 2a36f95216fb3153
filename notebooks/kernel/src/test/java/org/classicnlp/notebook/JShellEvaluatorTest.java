package org.classicnlp.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluator and Display as the kernel uses them, without the ZeroMQ side (run-all.sh's smoke notebook covers that). */
class JShellEvaluatorTest {
    private static JShellEvaluator shell;
    private static final List<DisplayData> shown = new ArrayList<>();

    @BeforeAll
    static void start() {
        shell = new JShellEvaluator(JShellEvaluator.systemClassPath(), ClassicNlpKernel.STARTUP);
        Display.setSink(shown::add);
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void lastExpressionIsTheCellsValueAndDeclarationsPersist() {
        assertSame(JShellEvaluator.NO_VALUE, shell.eval("int a = 20;\nint b = 22;"));
        assertEquals(42, shell.eval("int c = a + b;\nc"));
        assertEquals(List.of("x", "y"), shell.eval("List.of(\"x\", \"y\")"));
        assertSame(JShellEvaluator.NO_VALUE, shell.eval("String twice(String s) { return s + s; }"));
        assertEquals("abab", shell.eval("twice(\"ab\")"));
        assertSame(JShellEvaluator.NO_VALUE, shell.eval("System.out.print(\"\")"));
        assertSame(JShellEvaluator.NO_VALUE, shell.eval("c;"));   // a trailing ';' hides the value, as in IPython
        assertSame(JShellEvaluator.NO_VALUE, shell.eval("System.out.printf(\"\");"));
        assertEquals(43, shell.eval("c + 1 // no semicolon"));
    }

    @Test
    void compileErrorQuotesTheSourceWithACaret() {
        CellError.CompileError e = assertThrows(CellError.CompileError.class, () -> shell.eval("int ok = 1;\nint n = \"text\";"));
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
        assertTrue(e.lines().stream().anyMatch(l -> l.contains("int n = \"text\";")), e.lines().toString());
        assertTrue(e.lines().stream().anyMatch(l -> l.strip().equals("^")), e.lines().toString());
        assertEquals(1, shell.eval("ok"));   // the snippet before the bad one ran
    }

    @Test
    void unfinishedCellIsACompileError() {
        CellError.CompileError e = assertThrows(CellError.CompileError.class, () -> shell.eval("for (int i = 0; i < 3; i++) {"));
        assertTrue(e.getMessage().contains("unfinished"), e.getMessage());
    }

    @Test
    void exceptionNamesItsClassMessageAndCellFramesOnly() {
        CellError.CellException e = assertThrows(CellError.CellException.class,
                () -> shell.eval("void fail() { throw new IllegalStateException(\"no model\"); }\nfail();"));
        assertEquals("java.lang.IllegalStateException", e.exceptionClass());
        assertEquals("java.lang.IllegalStateException: no model", e.getMessage());
        assertEquals("java.lang.IllegalStateException: no model", e.lines().get(0));
        assertTrue(e.lines().stream().anyMatch(l -> l.matches("\tat snippet #\\d+:1 in fail\\(\\)")), e.lines().toString());
        assertTrue(e.lines().stream().noneMatch(l -> l.contains("jdk.jshell") || l.contains("reflect")), e.lines().toString());
    }

    @Test
    void isCompleteSaysWhetherMoreInputIsNeeded() {
        assertEquals("complete", shell.isComplete("int z = 1;"));
        assertEquals("    ", shell.isComplete("if (true) {"));
    }

    @Test
    void completionOffersMembers() {
        JShellEvaluator.Completions c = shell.complete("\"abc\".toUpp", 11);
        assertTrue(c.candidates().contains("toUpperCase("), c.candidates().toString());
        assertEquals(6, c.start());
    }

    @Test
    void chartsAreShownAsDownscaledPng() throws Exception {
        shown.clear();
        shell.eval("""
                CategoryChart chart = new CategoryChartBuilder().width(1280).height(800).title("t").build();
                chart.addSeries("s", List.of("a", "b"), List.of(1, 2));
                display(chart);
                """);
        assertEquals(1, shown.size());
        String base64 = (String) shown.get(0).getData(MIMEType.IMAGE_PNG);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertEquals(Display.MAX_WIDTH, png.getWidth());
        assertEquals(400, png.getHeight());
        // a chart as the cell's value is shown the same way by the kernel
        DisplayData asValue = Display.toDisplayData(shell.eval("chart"));
        assertTrue(asValue.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void htmlAndTextDisplays() {
        shown.clear();
        shell.eval("html(\"<b>bold</b>\"); display(\"plain\"); table(List.of(\"w\", \"n\"), List.of(List.of(\"<a>\", 1)));");
        assertEquals(3, shown.size());
        assertEquals("<b>bold</b>", shown.get(0).getData(MIMEType.TEXT_HTML));
        assertEquals("bold", shown.get(0).getData(MIMEType.TEXT_PLAIN));
        assertEquals("plain", shown.get(1).getData(MIMEType.TEXT_PLAIN));
        assertTrue(((String) shown.get(2).getData(MIMEType.TEXT_HTML)).contains("<td>&lt;a&gt;</td><td>1</td>"));
    }
}
