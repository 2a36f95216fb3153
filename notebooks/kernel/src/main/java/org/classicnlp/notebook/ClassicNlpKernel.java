package org.classicnlp.notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The notebooks' Jupyter kernel: JJava's {@link BaseKernel} speaks the protocol (ZeroMQ channels, execute,
 * complete, is_complete, shutdown, interrupt, stdout/stderr streams, display data); a
 * {@link JShellEvaluator} runs the cells. A cell's last expression is shown as a PNG if it is a chart or an
 * image, else as text; an exception or a compile error is the cell's error. Started by Jupyter as
 * {@code java -cp ... org.classicnlp.notebook.ClassicNlpKernel CONNECTION_FILE} (see install-kernel.sh).
 */
public final class ClassicNlpKernel extends BaseKernel {

    /** Evaluated before the first cell: what every notebook may use without importing. */
    public static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.io.*;",
            "import java.nio.file.*;",
            "import org.knowm.xchart.*;",
            "import static org.classicnlp.notebook.Display.*;");

    private final JShellEvaluator evaluator;

    ClassicNlpKernel(JShellEvaluator evaluator) {
        super("classicnlp", "0.1.0",
                new LanguageInfo("java", System.getProperty("java.specification.version"), "text/x-java",
                        ".jshell", "java", "java", null),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, null, false,
                new StringStyler.Builder().build());   // plain traceback text: no ANSI colours in stored notebooks
        this.evaluator = evaluator;
    }

    @Override
    public Object evalRaw(String source) {
        Object value = evaluator.eval(source);
        return value == JShellEvaluator.NO_VALUE ? null : Display.toDisplayData(value);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;    // no tooltips
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completions c = evaluator.complete(code, at);
        return new ReplacementOptions(new ArrayList<>(c.candidates()), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return evaluator.isComplete(code);
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellError cell ? cell.lines() : super.formatError(e);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        evaluator.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ClassicNlpKernel CONNECTION_FILE (Jupyter passes it)");
        }
        Path connectionFile = Path.of(args[0]);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        ClassicNlpKernel kernel = new ClassicNlpKernel(
                new JShellEvaluator(JShellEvaluator.systemClassPath(), STARTUP));
        kernel.onStartup();
        Display.setSink(kernel::display);
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}
