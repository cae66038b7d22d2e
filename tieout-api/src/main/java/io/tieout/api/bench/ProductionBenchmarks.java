package io.tieout.api.bench;

import io.tieout.api.cli.BenchJob;
import io.tieout.api.cli.BenchTransformOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks of the real binary: transform, landing, extract; each in a fresh temp directory. */
public final class ProductionBenchmarks implements BenchJob {
    private final TransformBenchJob transform;

    public ProductionBenchmarks(TransformBenchJob transform) {
        this.transform = transform;
    }

    @Override
    public void transform(BenchTransformOptions options, PrintWriter out) throws Exception {
        transform.transform(options, out);
    }

    @Override
    public void landing(int records, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("tieout-bench-landing-");
        try {
            LandingBench.run(records, dir, out);
        } finally {
            delete(dir);
        }
    }

    @Override
    public void extract(int orders, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("tieout-bench-extract-");
        try {
            ExtractBench.run(orders, dir, out);
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
