package io.tieout.extract.fx;

import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import io.tieout.extract.http.HttpTransport;
import okhttp3.Request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Downloads the ECB's reference-rate history through the shared {@link HttpTransport} (retries on
 * network errors, 429 and 5xx): the zip the ECB publishes (its {@code .csv} entry is read) or a bare
 * CSV, told apart by the zip signature, not by the URL.
 */
public final class EcbClient {
    private final EcbConfig config;
    private final HttpTransport transport;
    private final SourceStats stats;

    public EcbClient(EcbConfig config, HttpTransport transport, SourceStats stats) {
        this.config = config;
        this.transport = transport;
        this.stats = stats;
    }

    /** The text of eurofxref-hist.csv. */
    public String historyCsv() {
        Request request = new Request.Builder().url(config.url()).get().build();
        HttpTransport.HttpResult r = transport.send(request, stats, null);
        byte[] bytes = r.bytes();
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return unzip(bytes);
        return r.body();
    }

    private String unzip(byte[] bytes) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().toLowerCase().endsWith(".csv")) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new ExtractException(config.sourceName() + ": " + config.url() + " is not a readable zip: " + e.getMessage(), e);
        }
        throw new ExtractException(config.sourceName() + ": the zip at " + config.url() + " holds no .csv file");
    }
}
