package org.example.inquiry.classifier.learning;

import io.swagger.v3.oas.annotations.Operation;
import org.example.inquiry.schemas.ClassifierRetrained;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/classifier/retraining}: a supervisor retrains the classifier from the
 * labelled history; the answer is the recorded decision with both models' figures.
 */
@RestController
class RetrainingController {

  private final Retraining retraining;

  RetrainingController(Retraining retraining) {
    this.retraining = retraining;
  }

  /**
   * The decision as answered.
   *
   * @param decisionId event id of the decision on classifier-models
   * @param promoted whether the candidate is now the model in use
   * @param reason why
   * @param candidate the candidate's version and held-back figures
   * @param current the model in use's version and figures on the same set (null figures: none)
   * @param heldBackExamples size of the held-back set
   * @param historyExamples labelled examples read
   * @param historyTrainExamples of those, trained on
   */
  record Response(
      String decisionId,
      boolean promoted,
      String reason,
      Figures candidate,
      Figures current,
      int heldBackExamples,
      int historyExamples,
      int historyTrainExamples) {

    static Response of(ClassifierRetrained e) {
      return new Response(
          e.getEventId(),
          e.getPromoted(),
          e.getReason(),
          new Figures(e.getModelVersion(), e.getCandidateAccuracy(), e.getCandidateMacroF1()),
          new Figures(e.getPreviousVersion(), e.getCurrentAccuracy(), e.getCurrentMacroF1()),
          e.getHeldBackExamples(),
          e.getHistoryExamples(),
          e.getHistoryTrainExamples());
    }
  }

  record Figures(String modelVersion, Double accuracy, Double macroF1) {}

  @Operation(summary = "Retrain the classifier from the labelled history; promote if not worse")
  @PostMapping(path = "/api/v1/classifier/retraining", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('supervisor')")
  Mono<ResponseEntity<?>> retrain(Authentication caller) {
    return Mono.<ResponseEntity<?>>fromCallable(
            () -> {
              try {
                return ResponseEntity.ok(Response.of(retraining.retrain(caller.getName())));
              } catch (Retraining.CannotRetrain e) {
                ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
                problem.setTitle("Cannot retrain now");
                return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
