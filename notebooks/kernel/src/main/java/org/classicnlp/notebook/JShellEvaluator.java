package org.classicnlp.notebook;

import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates notebook cells with JDK jshell, in this JVM: the cells' classes are loaded by a child of the
 * system class loader, so they see the library, XChart and {@link Display} exactly as the kernel does (one
 * {@code Display} sink, one copy of every static). A cell may hold several statements and declarations; the
 * value of its last expression, if it ends in one, is its result (the object itself, not jshell's string,
 * so a chart can be shown as a picture). As in IPython, a trailing {@code ;} hides that value: {@code x} shows
 * x, {@code x;} and {@code System.out.printf(...);} show nothing. Not thread-safe: Jupyter runs one cell at a time.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** The result of a cell that does not end in an expression (a declaration, a statement, a void call). */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_VALUE";
        }
    };

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CapturingControl control = new CapturingControl();

    /**
     * @param classPath entries the cells compile and run against (usually the kernel's own class path)
     * @param startup   snippets evaluated first, such as imports; a failing one fails here
     */
    public JShellEvaluator(List<String> classPath, List<String> startup) {
        this.shell = JShell.builder()
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "classicnlp-direct";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .build();
        for (String entry : classPath) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        this.analysis = shell.sourceCodeAnalysis();
        for (String snippet : startup) {
            eval(snippet);
        }
    }

    /** The kernel's class path, {@code java.class.path} split at the path separator. */
    public static List<String> systemClassPath() {
        return List.of(System.getProperty("java.class.path", "").split(File.pathSeparator));
    }

    /**
     * Evaluates every complete snippet of a cell in order.
     *
     * @return the value of the last snippet if it is an expression not ended by {@code ;} (possibly null), else
     *         {@link #NO_VALUE}
     * @throws CellError.CompileError when a snippet does not compile or the cell ends unfinished
     * @throws CellError.CellException  when a snippet throws; the snippets before it stay evaluated
     */
    public Object eval(String cell) {
        Object last = NO_VALUE;
        String remaining = cell;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            SourceCodeAnalysis.Completeness completeness = info.completeness();
            if (completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                return last;
            }
            if (!completeness.isComplete()) {
                String rest = remaining.strip();
                throw new CellError.CompileError("the cell ends in an unfinished statement",
                        List.of("error: the cell ends in an unfinished statement (a missing ';', ')' or '}'?):",
                                "    " + firstLine(rest)));
            }
            String written = remaining.substring(0, remaining.length() - info.remaining().length());
            last = evalSnippet(info.source());
            if (written.strip().endsWith(";")) {
                last = NO_VALUE;
            }
            remaining = info.remaining();
        }
    }

    private Object evalSnippet(String source) {
        control.forget();
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;   // a dependent snippet updated by this one, not this one
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet);
            }
            if (event.exception() != null) {
                throw thrown(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof DeclarationSnippet d) {
                String missing = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
                throw new CellError.CompileError("cannot find symbol: " + missing,
                        List.of("error: cannot find symbol: " + missing, "    " + firstLine(snippet.source())));
            }
            if (isExpression(snippet.subKind()) && control.invoked) {
                value = control.value;
            }
        }
        control.forget();
        return value;
    }

    private static boolean isExpression(Snippet.SubKind kind) {
        return kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                || kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
    }

    private CellError.CompileError compileError(Snippet snippet) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (diags.isEmpty()) {
            return new CellError.CompileError("the snippet was rejected",
                    List.of("error: jshell rejected: " + firstLine(snippet.source())));
        }
        List<String> lines = new ArrayList<>();
        String source = snippet.source();
        for (Diag d : diags) {
            lines.add("error: " + d.getMessage(Locale.ROOT));
            int pos = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            lines.add("    " + source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd));
            lines.add("    " + " ".repeat(pos - lineStart) + "^");
        }
        return new CellError.CompileError(diags.get(0).getMessage(Locale.ROOT).lines().findFirst().orElse(""), lines);
    }

    private static CellError.CellException thrown(JShellException e) {
        String className = e instanceof EvalException ee ? ee.getExceptionClassName()
                : e instanceof UnresolvedReferenceException ? "UnresolvedReference" : e.getClass().getName();
        String message = e instanceof UnresolvedReferenceException u
                ? "'" + firstLine(u.getSnippet().source()) + "' is not defined: it uses a symbol that is missing"
                : e.getMessage();
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isKernelFrame(frame)) {
                    break;  // below the cell: jshell's and our invocation machinery
                }
                lines.add("\tat " + describe(frame));
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new CellError.CellException(className, message, lines);
    }

    /** jshell names a cell's frames by snippet id only ({@code .(#15:1)}): say so in words. */
    private static String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String method = frame.getMethodName();
            return "snippet " + file + ":" + frame.getLineNumber()
                    + (method == null || method.isEmpty() || method.startsWith("do_it$") ? "" : " in " + method + "()");
        }
        return frame.toString();
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.") || c.startsWith(JShellEvaluator.class.getName());
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }

    /**
     * Jupyter's is_complete: {@code complete}, {@code incomplete} with an indent, {@code invalid} or
     * {@code unknown}, in {@link org.dflib.jjava.jupyter.kernel.BaseKernel}'s spelling.
     */
    public String isComplete(String cell) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(cell);
        while (info.completeness().isComplete() && info.completeness() != SourceCodeAnalysis.Completeness.UNKNOWN) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> "complete";
            case UNKNOWN -> "invalid";
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
        };
    }

    /** Completions at {@code cursor}: the candidates and the [start, cursor) range they replace. */
    public Completions complete(String cell, int cursor) {
        int[] anchor = new int[1];
        List<String> names = analysis.completionSuggestions(cell, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completions(names, anchor[0], cursor);
    }

    /** What {@link #complete} found. */
    public record Completions(List<String> candidates, int start, int end) {
    }

    /** Interrupts the thread running a cell (cells that wait or check {@link Thread#interrupted()} stop). */
    public void interrupt() {
        Thread t = control.running;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void close() {
        shell.close();
    }

    /**
     * jshell's direct execution, keeping the object a snippet returned: jshell itself only hands back its
     * string form. Runs the snippet on the caller's thread (the Jupyter shell thread, whose System.out the
     * kernel has pointed at the cell's output).
     */
    private static final class CapturingControl extends DirectExecutionControl {
        volatile Thread running;
        boolean invoked;
        Object value;

        void forget() {
            invoked = false;
            value = null;
        }

        @Override
        protected String invoke(Method doit) throws Exception {
            running = Thread.currentThread();
            try {
                Object result = doit.invoke(null);
                invoked = true;
                value = result;
                return valueString(result);
            } finally {
                running = null;
            }
        }
    }
}
