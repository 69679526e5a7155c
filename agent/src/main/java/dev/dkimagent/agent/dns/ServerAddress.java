package dev.dkimagent.agent.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** Parses "ip", "ip:port", "v6" and "[v6]:port" literals; never looks a host name up. */
final class ServerAddress {
    static final int DNS_PORT = 53;

    private ServerAddress() {
    }

    /** The socket address, or throws UnknownHostException when the text is not an address literal. */
    static InetSocketAddress parse(String text) throws UnknownHostException {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new UnknownHostException("not an address: " + text);
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            int port = rest.isEmpty() ? DNS_PORT : port(rest.startsWith(":") ? rest.substring(1) : "x", text);
            return new InetSocketAddress(literal(host, text), port);
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return new InetSocketAddress(literal(s.substring(0, colon), text), port(s.substring(colon + 1), text));
        }
        return new InetSocketAddress(literal(s, text), DNS_PORT);
    }

    /** True when the text is an address literal (with or without port), as opposed to a host name. */
    static boolean isLiteral(String text) {
        try {
            parse(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** "ip" for port 53, else "ip:port" or "[v6]:port": the form the model uses. */
    static String format(InetAddress address, int port) {
        String ip = address.getHostAddress();
        if (port == DNS_PORT) {
            return ip;
        }
        return ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port;
    }

    private static InetAddress literal(String host, String text) throws UnknownHostException {
        try {
            return Address.getByAddress(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("not an address: " + text);
        }
    }

    private static int port(String digits, String text) throws UnknownHostException {
        try {
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UnknownHostException("bad port in address: " + text);
        }
    }
}
