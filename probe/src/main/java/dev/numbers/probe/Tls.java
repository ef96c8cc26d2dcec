package dev.numbers.probe;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * TLS for https URLs, kept apart so that plain http checks never load the TLS classes. The server's
 * certificate must come from a CA the JVM trusts (its cacerts, or {@code -Djavax.net.ssl.trustStore=FILE}
 * with {@code -Djavax.net.ssl.trustStorePassword}) and name the URL's host (endpoint identification, as a
 * browser does): a certificate from a trusted CA for another name is refused, and the line says which
 * name it was for.
 */
final class Tls extends Thread {

    private final Socket socket;
    private final long deadlineNanos;

    /** The deadline guard of one socket (see {@link #run}). */
    private Tls(Socket socket, long deadlineNanos) {
        super("probe-tls-deadline");
        this.socket = socket;
        this.deadlineNanos = deadlineNanos;
        setDaemon(true);
    }

    /**
     * Wraps the connected socket in TLS and shakes hands. The TLS layer reads the network several times
     * per handshake and per record, each with the whole socket timeout, so the probe's per-read timeout
     * cannot bound it: a server trickling a byte a second would stretch a 2 s check for minutes. A guard
     * thread closes the socket at the deadline instead.
     */
    static Socket wrap(Socket plain, Target target, long deadlineNanos) throws IOException {
        new Tls(plain, deadlineNanos).start();
        SSLSocket socket;
        try {
            // What SSLContext.getDefault() would be, with the trust manager that explains a refused certificate.
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            // The JDK's trust manager factories (PKIX, SunX509) give exactly one, an X509ExtendedTrustManager.
            X509ExtendedTrustManager jdk = (X509ExtendedTrustManager) trust.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), new TrustManager[]{new Explaining(jdk, target.host())}, null);
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
        // Without this, SSLSocket checks the chain only, and any certificate a trusted CA ever issued passes.
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        plain.setSoTimeout(Deadline.remainingMillis(deadlineNanos));
        socket.startHandshake();
        return socket;
    }

    /** A client certificate, when the JVM is given one as for SSLContext.getDefault(): {@code -Djavax.net.ssl.keyStore}. */
    private static KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
        String file = System.getProperty("javax.net.ssl.keyStore", "");
        if (file.isEmpty() || file.equals("NONE")) {
            return null;
        }
        char[] password = System.getProperty("javax.net.ssl.keyStorePassword", "").toCharArray();
        KeyStore store = KeyStore.getInstance(System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType()));
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys.getKeyManagers();
    }

    /** Every exception of javax.net.ssl is an SSLException; kept here so that an http check never loads it. */
    static boolean isTlsFailure(IOException e) {
        return e instanceof SSLException;
    }

    /**
     * The failure's message without the TLS alert that later JDK 17 updates put first ("(certificate_unknown)
     * certificate is for ..." since 17.0.19, "certificate is for ..." before): one line on every JDK.
     */
    static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        int alertEnd = message.indexOf(") ");
        return message.startsWith("(") && alertEnd > 0 ? message.substring(alertEnd + 2) : message;
    }

    /**
     * The JDK's trust manager, deciding everything; when it refuses a chain that it trusts apart from the
     * host name, the refusal says which names the certificate is for instead of "No subject alternative
     * names matching IP address ... found".
     */
    private static final class Explaining extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager jdk;
        private final String host;

        Explaining(X509ExtendedTrustManager jdk, String host) {
            this.jdk = jdk;
            this.host = host;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                jdk.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException refused) {
                // The JDK refuses a null or empty chain with an IllegalArgumentException, so there is a chain[0] here.
                String message = String.valueOf(refused.getMessage());
                if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
                    try {
                        jdk.checkServerTrusted(chain, authType);
                    } catch (CertificateException untrusted) {
                        throw refused;
                    }
                    throw new CertificateException("certificate is for " + names(chain[0]) + ", not " + host, refused);
                }
                if (message.contains("unable to find valid certification path")) {
                    throw new CertificateException("certificate for " + names(chain[0]) + " is from "
                            + chain[chain.length - 1].getIssuerX500Principal().getName()
                            + ", not a CA this probe trusts (see -Djavax.net.ssl.trustStore)", refused);
                }
                throw refused;
            }
        }

        /** The probe uses SSLSocket, never SSLEngine: the JDK's own answer. */
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            jdk.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            jdk.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            jdk.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jdk.getAcceptedIssuers();
        }
    }

    /** The DNS names and IP addresses a certificate is for, else its subject: "a.example or 10.0.0.1". */
    static String names(X509Certificate certificate) {
        StringBuilder names = new StringBuilder();
        int count = 0;
        try {
            // Type 2 is a DNS name, 7 an IP address.
            for (List<?> name : certificate.getSubjectAlternativeNames() != null ? certificate.getSubjectAlternativeNames() : List.<List<?>>of()) {
                if (!name.get(0).equals(2) && !name.get(0).equals(7)) {
                    continue;
                }
                if (++count > 4) {
                    names.append(" or more");
                    break;
                }
                names.append(names.length() == 0 ? "" : " or ").append(name.get(1));
            }
        } catch (CertificateParsingException e) {
            // the subject then
        }
        return names.length() > 0 ? names.toString() : certificate.getSubjectX500Principal().getName();
    }

    /** Closes the socket when the deadline has passed; the check's own end closes it first otherwise. */
    @Override
    public void run() {
        try {
            long left;
            while (!socket.isClosed() && (left = deadlineNanos - System.nanoTime()) > 0) {
                Thread.sleep(Math.min(left / 1_000_000 + 1, 50));
            }
            socket.close();
        } catch (InterruptedException | IOException e) {
            // the check is over either way
        }
    }
}
