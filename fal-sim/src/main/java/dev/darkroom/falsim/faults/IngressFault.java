package dev.darkroom.falsim.faults;

/** Ends a request the way fal's nginx ingress fails: a 502/503 HTML page and no {@code x-fal-request-id}. */
public final class IngressFault extends RuntimeException {

    private final int status;

    public IngressFault(int status) {
        super("ingress " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The page nginx serves for a bad gateway or an unavailable upstream. */
    public String html() {
        String title = status + (status == 503 ? " Service Temporarily Unavailable" : " Bad Gateway");
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
