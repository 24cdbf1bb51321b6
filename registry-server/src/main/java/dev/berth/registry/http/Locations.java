package dev.berth.registry.http;

/** The URLs the API hands back in Location and Link headers (relative, as the spec allows). */
final class Locations {
    private Locations() {}

    static String blob(String name, Object digest) {
        return "/v2/" + name + "/blobs/" + digest;
    }

    static String upload(String name, String id) {
        return "/v2/" + name + "/blobs/uploads/" + id;
    }

    static String manifest(String name, Object reference) {
        return "/v2/" + name + "/manifests/" + reference;
    }

    /** An RFC 5988 link to the next page of a listing. */
    static String nextPage(String path, Integer n, String last) {
        StringBuilder query = new StringBuilder();
        if (n != null) {
            query.append("n=").append(n).append('&');
        }
        query.append("last=").append(java.net.URLEncoder.encode(last, java.nio.charset.StandardCharsets.UTF_8));
        return "<" + path + "?" + query + ">; rel=\"next\"";
    }
}
