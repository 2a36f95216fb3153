package org.classicnlp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code classicnlp} command: one subcommand per job. Exit codes: 0 success, 1 failure, 2 bad usage. */
@Command(name = "classicnlp",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Offline classic NLP for Chinese and English text.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SegmentCommand.class,
            ScoreCommand.class,
            TrainSegmenterCommand.class,
            TfidfCommand.class,
            KeywordsCommand.class,
            W2vCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (the library itself never exits). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
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
