package org.classicnlp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code classicnlp} command: one subcommand per job. Exit codes: 0 success, 1 failure, 2 bad usage. */
@Command(name = "classicnlp",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Offline classic NLP for Chinese and English text.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main {

    /**
     * The jobs, by name. Picocli builds the model of every registered command at start-up (reflection
     * over all options), so a run registers only the command it was asked for; help and unknown
     * commands get them all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("segment", SegmentCommand::new);
        COMMANDS.put("score", ScoreCommand::new);
        COMMANDS.put("train-segmenter", TrainSegmenterCommand::new);
        COMMANDS.put("tfidf", TfidfCommand::new);
        COMMANDS.put("keywords", KeywordsCommand::new);
        COMMANDS.put("w2v", W2vCommand::new);
        COMMANDS.put("train-tagger", TrainTaggerCommand::new);
        COMMANDS.put("tag", TagCommand::new);
        COMMANDS.put("score-tags", ScoreTagsCommand::new);
        COMMANDS.put("lm", LmCommand::new);
        COMMANDS.put("serve", ServeCommand::new);

        COMMANDS.put("index", IndexCommand::new);
        COMMANDS.put("faq", FaqCommand::new);
        COMMANDS.put("classify", ClassifyCommand::new);
        COMMANDS.put("cluster", ClusterCommand::new);
    }

    public static void main(String[] args) {
        // Log lines on stderr read "INFO - message": no thread or Java class names (users may override).
        System.setProperty("org.slf4j.simpleLogger.showThreadName",
                System.getProperty("org.slf4j.simpleLogger.showThreadName", "false"));
        System.setProperty("org.slf4j.simpleLogger.showLogName",
                System.getProperty("org.slf4j.simpleLogger.showLogName", "false"));
        for (String a : args) {
            if (a.equals("-q") || a.equals("--quiet") || a.equals("--no-progress")) {
                // slf4j-simple reads this once, when the first logger is made: quiet keeps errors only
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            }
        }
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: " + CliErrors.message(e));
            code = 1;
        }
        System.exit(code);
    }

    /**
     * Runs the command line and returns its exit code (the library itself never exits): 0 success,
     * 2 bad usage, 1 failure. Any error is one line on stderr, {@code error: ...}.
     */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setParameterExceptionHandler((ex, ignored) -> usage(ex.getCommandLine(), ex.getMessage()));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliErrors.Usage) {
                return usage(cmd, ex.getMessage());
            }
            if (Boolean.getBoolean("classicnlp.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().println("error: " + CliErrors.message(ex));
            cmd.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        // every command writes its results to System.out, a PrintStream that swallows write errors (a full disk
        // behind a redirection): a job that ended well but could not write its results has failed
        System.out.flush();
        if (code == 0 && System.out.checkError()) {
            System.err.println("error: error writing to standard output (is the disk full?); the output is incomplete");
            System.err.flush();
            return 1;
        }
        return code;
    }

    /** Bad usage: one line naming the problem and where the help is; exit code 2. */
    private static int usage(CommandLine cmd, String message) {
        String m = CliErrors.clean(message);
        cmd.getErr().println("error: " + (m != null ? m : "bad usage") + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"classicnlp " + (v != null ? v : "dev")};
        }
    }
}
