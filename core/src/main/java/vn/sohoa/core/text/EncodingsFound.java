package vn.sohoa.core.text;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Which legacy encodings a document's text was converted from, and how much of it each. */
public final class EncodingsFound {

    private final Map<LegacyEncoding, Integer> chars = new EnumMap<>(LegacyEncoding.class);

    public void add(LegacyEncoding encoding, int length) {
        if (encoding != LegacyEncoding.UNICODE && length > 0) {
            chars.merge(encoding, length, Integer::sum);
        }
    }

    public void addAll(EncodingsFound other) {
        other.chars.forEach(this::add);
    }

    public boolean isEmpty() {
        return chars.isEmpty();
    }

    /** "TCVN3", or "TCVN3, VNI" when several were found (most text first); null when none was. */
    public String label() {
        return chars.isEmpty() ? null : chars.entrySet().stream()
                .sorted(Map.Entry.<LegacyEncoding, Integer>comparingByValue().reversed())
                .map(e -> e.getKey().label()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return chars.toString();
    }
}
