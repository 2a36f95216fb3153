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
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (the library itself never exits). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return 1;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"classicnlp " + (v != null ? v : "dev")};
        }
    }
}
