package dev.scimkit.examples.tls;

import dev.scimkit.examples.SecurityOptions;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the certificate files every {@code reloadCheck} and, when their content changed, loads them
 * and hands the new keystore to Jetty ({@link SslContextFactory#reload}): new connections get the new
 * certificate, open ones keep theirs, nothing restarts. Files that do not make a usable pair (a renewal
 * half written, a key that does not match) are logged once and the certificate in use stays; the next
 * change is tried again. A Jetty bean of the connector: started and stopped with it.
 */
final class CertificateReloader extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final SecurityOptions.Tls tls;
    private final SslContextFactory.Server ssl;
    private byte[] seen;
    private ScheduledExecutorService timer;

    CertificateReloader(SecurityOptions.Tls tls, SslContextFactory.Server ssl, TlsMaterial initial) {
        this.tls = tls;
        this.ssl = ssl;
        this.seen = initial.digest();
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scimkit-certificate-reload");
            t.setDaemon(true);
            return t;
        });
        long every = tls.reloadCheck().toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
    }

    /** One look at the files; never throws, so the schedule goes on. */
    void check() {
        try {
            byte[] digest;
            try {
                digest = TlsMaterial.digestOf(tls);
            } catch (IOException e) {
                return; // between the removal and the creation of a renewed file: look again next time
            }
            if (Arrays.equals(digest, seen)) {
                return;
            }
            seen = digest;
            TlsMaterial material = TlsMaterial.load(tls);
            ssl.reload(f -> {
                f.setKeyStore(material.keyStore());
                f.setKeyStorePassword(material.password());
                f.setKeyManagerPassword(material.password());
            });
            LOG.info("TLS certificate reloaded: {}, valid until {}", material.leaf().getSubjectX500Principal(),
                    material.leaf().getNotAfter().toInstant());
        } catch (TlsMaterial.InvalidTlsMaterialException e) {
            LOG.warn("TLS certificate not reloaded: {}; the certificate in use stays", e.getMessage());
        } catch (Exception e) {
            LOG.warn("TLS certificate not reloaded: {}; the certificate in use stays", e.toString());
        }
    }
}
