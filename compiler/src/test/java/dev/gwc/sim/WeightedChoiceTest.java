package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.table.BackendRef;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weighted backend choice: deterministic per request and seed, fair over many requests. */
class WeightedChoiceTest {
  private static BackendRef ref(String name, int weight) {
    return new BackendRef("", "Service", "app", name, 80, weight, List.of(), null, false);
  }

  private static Request get(String path) {
    return Request.fromUrl("GET", "http://a.example" + path, HeaderList.EMPTY, HeaderList.EMPTY);
  }

  @Test
  void pick_sameRequestAndSeed_sameBackend() {
    List<BackendRef> refs = List.of(ref("a", 1), ref("b", 1), ref("c", 1));
    for (int i = 0; i < 100; i++) {
      Request r = get("/x/" + i);
      assertEquals(
          WeightedChoice.pick(refs, WeightedChoice.hash(r, 7)),
          WeightedChoice.pick(refs, WeightedChoice.hash(get("/x/" + i), 7)));
    }
  }

  @Test
  void pick_otherSeed_changesSomeChoices() {
    List<BackendRef> refs = List.of(ref("a", 1), ref("b", 1));
    int differ = 0;
    for (int i = 0; i < 100; i++) {
      Request r = get("/x/" + i);
      if (WeightedChoice.pick(refs, WeightedChoice.hash(r, 1))
          != WeightedChoice.pick(refs, WeightedChoice.hash(r, 2))) {
        differ++;
      }
    }
    assertTrue(differ > 20, "seeds should matter: " + differ);
  }

  @Test
  void pick_manyRequests_followsTheWeights_zeroWeightNever() {
    List<BackendRef> refs = List.of(ref("a", 70), ref("b", 30), ref("c", 0));
    int[] counts = new int[3];
    for (int i = 0; i < 20_000; i++) {
      counts[WeightedChoice.pick(refs, WeightedChoice.hash(get("/r?i=" + i), 0))]++;
    }
    assertEquals(0, counts[2]);
    assertEquals(0.7, counts[0] / 20_000.0, 0.02);
    assertEquals(0.3, counts[1] / 20_000.0, 0.02);
  }

  @Test
  void pick_allWeightsZero_choosesNothing() {
    assertEquals(-1, WeightedChoice.pick(List.of(ref("a", 0), ref("b", 0)), 42));
  }

  @Test
  void shares_areWeightOverTotal() {
    List<Result.Share> s = Shares.of(List.of(ref("a", 90), ref("b", 10)));
    assertEquals(0.9, s.get(0).share(), 1e-12);
    assertEquals(0.1, s.get(1).share(), 1e-12);
  }
}
