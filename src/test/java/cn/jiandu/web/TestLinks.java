package cn.jiandu.web;

/** PublicLinks with a configured base, for unit tests of other packages. */
public final class TestLinks {

    private TestLinks() {
    }

    public static PublicLinks of(String base) {
        return new PublicLinks(base);
    }
}
