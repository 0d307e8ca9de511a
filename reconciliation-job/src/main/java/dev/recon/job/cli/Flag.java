package dev.recon.job.cli;

/** One command-line flag: its name (without dashes), value placeholder, default and help. */
public record Flag(String name, String metavar, String defaultValue, String help) {

    /** A flag that takes a value. */
    public static Flag of(String name, String metavar, String defaultValue, String help) {
        return new Flag(name, metavar, defaultValue, help);
    }

    /** A boolean switch: present means true. */
    public static Flag bool(String name, String help) {
        return new Flag(name, null, "false", help);
    }

    /** Whether the flag is a switch. */
    public boolean isBoolean() {
        return metavar == null;
    }
}
