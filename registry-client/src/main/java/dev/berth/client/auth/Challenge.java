package dev.berth.client.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code WWW-Authenticate} challenge: its scheme and parameters, e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull"}.
 */
public record Challenge(String scheme, Map<String, String> parameters) {

    public static Challenge parse(String header) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? trimmed.length() : space + 1;
        while (i < trimmed.length()) {
            int equals = trimmed.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = trimmed.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            String value;
            if (valueStart < trimmed.length() && trimmed.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = valueStart + 1;
                while (j < trimmed.length() && trimmed.charAt(j) != '"') {
                    if (trimmed.charAt(j) == '\\' && j + 1 < trimmed.length()) {
                        j++;
                    }
                    quoted.append(trimmed.charAt(j++));
                }
                value = quoted.toString();
                i = j + 1;
            } else {
                int comma = trimmed.indexOf(',', valueStart);
                int end = comma < 0 ? trimmed.length() : comma;
                value = trimmed.substring(valueStart, end).trim();
                i = end;
            }
            parameters.put(name, value);
            while (i < trimmed.length() && (trimmed.charAt(i) == ',' || trimmed.charAt(i) == ' ')) {
                i++;
            }
        }
        return new Challenge(scheme, Map.copyOf(parameters));
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    public String parameter(String name) {
        return parameters.get(name);
    }
}
