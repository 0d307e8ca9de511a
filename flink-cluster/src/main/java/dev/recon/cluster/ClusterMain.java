package dev.recon.cluster;

import dev.recon.cluster.internal.ClusterProcess;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Command line of {@code ./recon cluster}: start, submit, status, stop and fault drills. */
public final class ClusterMain {
    static final String USAGE =
            """
            usage: recon cluster COMMAND [--dir .recon/cluster]
              start [--task-managers 2] [--slots 2] [--rest-port 8081] [--tm-memory 1280m]
                    [--jm-memory 1024m] [--metrics-ports 9250-9260]
                    [--flink-option KEY=VALUE ...]
                                       start a JobManager and N TaskManagers (separate JVMs)
              submit [JAR] [--from-savepoint PATH] -- JOB ARGS
                                       run the job jar (default: the shaded reconciliation job)
              status                   processes, TaskManagers, slots and jobs
              savepoint JOB_ID         stop the job with a savepoint; prints its path
              cancel JOB_ID            cancel the job (its last checkpoint is retained)
              kill-tm N                kill -9 TaskManager N (a drill)
              restart-tm N             start TaskManager N again
              stop                     stop every process (TERM, then KILL after 15 s)""";

    private ClusterMain() {}

    /** Runs one command; exit code 0 ok, 1 failed, 2 bad command line. */
    public static void main(String[] args) {
        int code;
        try {
            code = run(new ArrayDeque<>(List.of(args)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    private static int run(Deque<String> args) throws Exception {
        String cmd = args.isEmpty() ? "help" : args.poll();
        Path dir = Path.of(option(args, "--dir", ".recon/cluster"));
        switch (cmd) {
            case "start" -> start(args, dir);
            case "submit" -> submit(args, FlinkCluster.attach(dir));
            case "status" -> System.out.print(ClusterStatus.format(FlinkCluster.attach(dir)));
            case "savepoint" ->
                    System.out.println(
                            "savepoint "
                                    + FlinkCluster.attach(dir)
                                            .stopWithSavepoint(required(args, "JOB_ID")));
            case "cancel" -> FlinkCluster.attach(dir).cancel(required(args, "JOB_ID"));
            case "kill-tm" ->
                    System.out.println(
                            "killed (-9) taskmanager-"
                                    + args.peek()
                                    + ", pid "
                                    + FlinkCluster.attach(dir).killTaskManager(number(args)));
            case "restart-tm" -> FlinkCluster.attach(dir).restartTaskManager(number(args));
            case "stop" -> stop(dir);
            case "help", "--help", "-h" -> System.out.println(USAGE);
            default ->
                    throw new IllegalArgumentException("unknown command '" + cmd + "'\n" + USAGE);
        }
        return 0;
    }

    private static void start(Deque<String> args, Path dir) throws Exception {
        FlinkClusterBuilder b =
                FlinkCluster.builder()
                        .setDir(dir)
                        .setTaskManagers(intOption(args, "--task-managers", "2"))
                        .setSlots(intOption(args, "--slots", "2"))
                        .setRestPort(intOption(args, "--rest-port", "8081"))
                        .setTaskManagerMemory(option(args, "--tm-memory", "1280m"))
                        .setJobManagerMemory(option(args, "--jm-memory", "1024m"))
                        .setMetricsPorts(option(args, "--metrics-ports", "9250-9260"));
        for (String kv; (kv = option(args, "--flink-option", null)) != null; ) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "--flink-option must look like key=value, e.g."
                                + " execution.checkpointing.interval=5s; got '"
                                + kv
                                + "'");
            }
            b.setOption(kv.substring(0, eq), kv.substring(eq + 1));
        }
        noneLeft(args);
        FlinkCluster cluster = b.build();
        System.out.println(
                "==> starting a JobManager and "
                        + cluster.settings().taskManagers()
                        + " TaskManagers in "
                        + dir.toAbsolutePath().normalize());
        cluster.start();
        System.out.print(ClusterStatus.format(cluster));
    }

    private static void submit(Deque<String> args, FlinkCluster cluster) throws Exception {
        String savepoint = option(args, "--from-savepoint", null);
        String jar = System.getProperty("recon.job.jar");
        if (!args.isEmpty() && !args.peek().equals("--")) {
            jar = args.poll();
        }
        if (jar == null) {
            throw new IllegalArgumentException(
                    "name the job jar: recon cluster submit JAR -- ARGS");
        }
        if ("--".equals(args.peek())) {
            args.poll();
        }
        String jobId = cluster.submit(Path.of(jar), new ArrayList<>(args), savepoint);
        System.out.println("job " + jobId + " submitted");
        System.out.println("web UI " + cluster.webUrl() + "/#/job/running/" + jobId + "/overview");
    }

    private static void stop(Path dir) {
        FlinkCluster cluster = FlinkCluster.attach(dir);
        for (ClusterProcess p : cluster.processes()) {
            System.out.println("stopping " + p.name() + (p.isAlive() ? "" : " (not running)"));
        }
        cluster.close();
    }

    static String option(Deque<String> args, String name, String fallback) {
        List<String> list = new ArrayList<>(args);
        int i = list.indexOf(name);
        int dashes = list.indexOf("--");
        if (i < 0 || (dashes >= 0 && i > dashes)) {
            return fallback;
        }
        if (i + 1 >= list.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = list.get(i + 1);
        list.remove(i + 1);
        list.remove(i);
        args.clear();
        args.addAll(list);
        return value;
    }

    private static int intOption(Deque<String> args, String name, String fallback) {
        String v = option(args, name, fallback);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
        }
    }

    private static String required(Deque<String> args, String what) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing " + what + "\n" + USAGE);
        }
        return args.poll();
    }

    private static int number(Deque<String> args) {
        String n = required(args, "N");
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("N must be a TaskManager number, got '" + n + "'");
        }
    }

    private static void noneLeft(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args + "\n" + USAGE);
        }
    }
}
