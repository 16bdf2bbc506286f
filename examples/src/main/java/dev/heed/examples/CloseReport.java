package dev.heed.examples;

/**
 * The integrity signal a connection emits when it closes: how many body bytes the socket accepted
 * for the response in progress, against the response's Content-Length. Counts only, never payload,
 * so it is safe to log and to export as a metric in production.
 *
 * <p>Bytes the socket accepted are in the kernel's send buffer; a graceful close still delivers
 * them. So {@code bodyBytesWritten < contentLength} at close means the server itself dropped the
 * rest: the peer got a truncated response.
 *
 * @param connectionId the connection's number, in accept order from 1
 * @param responsesCompleted responses fully written before this one
 * @param contentLength the Content-Length of the response in progress at close, 0 if none
 * @param bodyBytesWritten the body bytes of that response the socket accepted
 */
public record CloseReport(
    long connectionId, int responsesCompleted, long contentLength, long bodyBytesWritten) {

  /** Whether the connection closed before writing the whole body it announced. */
  public boolean truncated() {
    return bodyBytesWritten < contentLength;
  }

  /** Body bytes announced by Content-Length and never written. */
  public long missingBytes() {
    return contentLength - bodyBytesWritten;
  }
}
