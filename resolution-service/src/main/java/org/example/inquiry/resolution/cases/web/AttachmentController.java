package org.example.inquiry.resolution.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import org.example.inquiry.schemas.attachments.AttachmentParts;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A file a customer attached, for the people who may see its case: only a file the case lists,
 * whichever instance is asked (the contents are a global store). Customers' files are never
 * rendered by the browser from our origin: always {@code application/octet-stream}, as a download,
 * with nosniff and a sandboxing CSP, not cached.
 */
@RestController
class AttachmentController {

  /** Downloads read at once on this instance: each holds its file (up to ~4 MiB) in memory. */
  static final int CONCURRENT_READS = 4;

  private final CaseQueries cases;
  private final AttachmentFiles files;
  private final java.util.concurrent.Semaphore reads =
      new java.util.concurrent.Semaphore(CONCURRENT_READS);

  AttachmentController(CaseQueries cases, AttachmentFiles files) {
    this.cases = cases;
    this.files = files;
  }

  @Operation(
      summary = "The content of a file attached to the inquiry, by its SHA-256",
      description =
          "Served when the channel delivered the content (email) and the case lists the file;"
              + " the case's attachments give the link. Always a download of"
              + " application/octet-stream; the file's declared type is on the case.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The file",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                      schema = @Schema(type = "string", format = "binary"))))
  // No "produces": the answer is always octet-stream (or problem+json), whatever a client accepts.
  @GetMapping(path = "/api/v1/inquiries/{inquiryId}/attachments/{sha256}")
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<ResponseEntity<byte[]>> download(
      @PathVariable String inquiryId,
      @PathVariable String sha256,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    if (!AttachmentParts.isSha256(sha256)) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST,
              "An attachment is named by the lower-case hex SHA-256 of its content (64 characters)"));
    }
    return cases
        .find(inquiryId, authorization)
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> CaseQueryController.notFound(inquiryId)))
        .flatMap(
            view ->
                Mono.justOrEmpty(
                        view.attachments().stream()
                            .filter(file -> sha256.equals(file.sha256()))
                            .filter(file -> file.download() != null)
                            .findFirst()
                            .or(
                                () ->
                                    view.attachments().stream()
                                        .filter(file -> sha256.equals(file.sha256()))
                                        .findFirst()))
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                new ResponseStatusException(
                                    HttpStatus.NOT_FOUND,
                                    "Inquiry " + inquiryId + " has no attachment " + sha256))))
        .flatMap(
            file ->
                file.download() == null
                    ? Mono.error(
                        new ResponseStatusException(
                            HttpStatus.NOT_FOUND,
                            "The content of "
                                + printable(file.fileName())
                                + " is not stored: its channel delivered only its description, or"
                                + " it has not reached this instance yet"))
                    : Mono.fromCallable(() -> content(sha256))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(content -> Mono.justOrEmpty(content))
                        .switchIfEmpty(
                            Mono.error(
                                () ->
                                    new ResponseStatusException(
                                        HttpStatus.NOT_FOUND,
                                        "The content of "
                                            + printable(file.fileName())
                                            + " is not stored completely on this instance")))
                        .map(content -> answer(file, content)));
  }

  /** The file, read by at most {@link #CONCURRENT_READS} requests at once (each holds it whole). */
  private java.util.Optional<byte[]> content(String sha256) {
    if (!reads.tryAcquire()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Too many attachments are being read at once; try again in a moment");
    }
    try {
      return files.content(sha256);
    } finally {
      reads.release();
    }
  }

  /** A name for a header or a message: control characters (CR, LF, ...) become '_'. */
  static String printable(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "attachment" : fileName;
    return name.replaceAll("\\p{Cntrl}", "_");
  }

  private static ResponseEntity<byte[]> answer(CaseView.AttachmentView file, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(content.length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(printable(file.fileName()), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .eTag("\"" + file.sha256() + "\"")
        .body(content);
  }
}
