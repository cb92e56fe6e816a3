package io.agentic.workflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.agentic.contracts.Topics;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.agentic.workflow.store.WorkflowVersionDocument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WorkflowAnnouncerTest {

  private final WorkflowStore store = mock(WorkflowStore.class);
  private final KafkaSender sender = mock(KafkaSender.class);
  private final WorkflowAnnouncer announcer = new WorkflowAnnouncer(store, sender);

  private static WorkflowDocument workflow(
      int version, int announced, List<String> editors, boolean deleted) {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    return new WorkflowDocument(
        "w",
        "name",
        "",
        GraphJson.write(List.of(), List.of()),
        List.of(),
        false,
        "active",
        version,
        "alice",
        new Permissions(List.of("alice"), editors, List.of()),
        now,
        now,
        "alice",
        deleted,
        announced,
        "token",
        now);
  }

  private List<WorkflowAccessChanged> sentAccess(int times) {
    ArgumentCaptor<Object> values = ArgumentCaptor.forClass(Object.class);
    verify(sender, times(times)).send(eq(Topics.WORKFLOW_ACCESS), eq("w"), values.capture());
    return values.getAllValues().stream().map(WorkflowAccessChanged.class::cast).toList();
  }

  @Test
  void publishesUnannouncedVersionsThenAccessOnceWhenNothingChangesMeanwhile() {
    WorkflowDocument w = workflow(3, 1, List.of(), false);
    when(store.findAny("w")).thenReturn(Optional.of(w));
    when(store.findVersion("w", 2)).thenReturn(Optional.of(version(w, 2)));
    when(store.findVersion("w", 3)).thenReturn(Optional.of(version(w, 3)));

    announcer.announce("w", "token");

    ArgumentCaptor<Object> versions = ArgumentCaptor.forClass(Object.class);
    verify(sender).send(eq(Topics.WORKFLOW_VERSIONS), eq("w:2"), versions.capture());
    verify(sender).send(eq(Topics.WORKFLOW_VERSIONS), eq("w:3"), versions.capture());
    assertThat(versions.getAllValues())
        .extracting(v -> ((WorkflowVersionSaved) v).version())
        .containsExactly(2, 3);
    assertThat(sentAccess(1).getFirst().latestVersion()).isEqualTo(3);
    verify(store).markAnnounced("w", 3);
    verify(store).clearPending("w", "token");
  }

  @Test
  void publishesAgainWhenTheAccessChangedWhileItWasBeingPublished() {
    WorkflowDocument before = workflow(1, 1, List.of(), false);
    WorkflowDocument after = workflow(1, 1, List.of("bob"), false);
    when(store.findAny("w"))
        .thenReturn(Optional.of(before), Optional.of(after), Optional.of(after));

    announcer.announce("w", "token");

    List<WorkflowAccessChanged> sent = sentAccess(2);
    assertThat(sent.get(0).editors()).isEmpty();
    assertThat(sent.get(1).editors()).containsExactly("bob");
  }

  @Test
  void publishesADeletionAndThenRemovesTheWorkflow() {
    WorkflowDocument deleted = workflow(2, 2, List.of(), true);
    when(store.findAny("w")).thenReturn(Optional.of(deleted), Optional.empty());

    announcer.announce("w", "token");

    assertThat(sentAccess(1).getFirst().deleted()).isTrue();
    verify(sender, never()).send(eq(Topics.WORKFLOW_VERSIONS), anyString(), any());
    verify(store).removeDeleted("w", "token");
    verify(store, never()).clearPending(anyString(), anyString());
  }

  @Test
  void writesAndPublishesTheCurrentVersionWhenItsSaveStoppedHalfway() {
    WorkflowDocument w = workflow(1, 0, List.of(), false);
    when(store.findAny("w")).thenReturn(Optional.of(w));
    when(store.findVersion("w", 1)).thenReturn(Optional.empty());

    announcer.announce("w", "token");

    verify(store).insertVersion(WorkflowVersionDocument.of(w));
    verify(sender).send(eq(Topics.WORKFLOW_VERSIONS), eq("w:1"), any(WorkflowVersionSaved.class));
  }

  @Test
  void leavesTheChangePendingWhenKafkaDoesNotAcknowledge() {
    WorkflowDocument w = workflow(1, 1, List.of(), false);
    when(store.findAny("w")).thenReturn(Optional.of(w));
    doThrow(new PublishFailedException()).when(sender).send(anyString(), anyString(), any());

    assertThatThrownBy(() -> announcer.announce("w", "token"))
        .isInstanceOf(PublishFailedException.class)
        .satisfies(e -> assertThat(((PublishFailedException) e).status().value()).isEqualTo(503));
    verify(store, never()).clearPending(anyString(), anyString());
  }

  @Test
  void doesNotFailTheRequestWhenOnlyTheChangeEventIsLost() {
    doThrow(new PublishFailedException()).when(sender).send(anyString(), anyString(), any());

    announcer.changed("w", "updated", 2, "alice");

    verify(sender).send(eq(Topics.WORKFLOW_EVENTS), eq("w"), any());
  }

  private static WorkflowVersionDocument version(WorkflowDocument w, int v) {
    return new WorkflowVersionDocument(
        WorkflowVersionDocument.idOf("w", v),
        "w",
        v,
        "name",
        "",
        w.graph(),
        List.of(),
        "active",
        "alice",
        w.updatedAt());
  }
}
