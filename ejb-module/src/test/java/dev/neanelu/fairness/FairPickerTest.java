package dev.neanelu.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Deficit round robin as the dispatcher uses it. Scenarios:
 *
 * <ul>
 *   <li>unit costs, quantum 1: strict rotation, whatever each shop's backlog;
 *   <li>quantum 3: a shop starts up to three items in a row;
 *   <li>an expensive item (cost 3) makes its shop sit out turns until paid;
 *   <li>a refused shop (blocked, at cap) loses its turn, earns no credit, and does not burst when it returns;
 *   <li>a newly active shop joins at the tail; a deactivated one leaves; activating twice changes nothing;
 *   <li>nothing runnable: empty; nothing active: empty.
 * </ul>
 */
class FairPickerTest {

  private static final Predicate<TenantId> ALL = t -> true;
  private final TenantId a = TenantId.newId();
  private final TenantId b = TenantId.newId();
  private final TenantId c = TenantId.newId();

  @Test
  void unitCostsRotateStrictly() {
    FairPicker picker = picker(a, b, c);
    assertThat(take(picker, 7, ALL)).containsExactly(a, b, c, a, b, c, a);
  }

  @Test
  void aQuantumLetsAShopStartSeveralItemsInARow() {
    FairPicker picker = new FairPicker(3);
    picker.activate(a);
    picker.activate(b);
    assertThat(take(picker, 8, ALL)).containsExactly(a, a, a, b, b, b, a, a);
  }

  @Test
  void anExpensiveItemIsPaidForWithLaterTurns() {
    FairPicker picker = picker(a, b);
    assertThat(picker.next(ALL)).contains(a);
    picker.charge(a, 3); // a's item costs 3 turns' worth
    List<TenantId> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TenantId next = picker.next(ALL).orElseThrow();
      order.add(next);
      picker.charge(next, 1);
    }
    assertThat(order).containsExactly(b, b, b, a);
  }

  @Test
  void aRefusedShopLosesItsTurnWithoutEarningCredit() {
    FairPicker picker = picker(a, b);
    Predicate<TenantId> aBlocked = t -> !t.equals(a);
    assertThat(take(picker, 5, aBlocked)).containsOnly(b);
    assertThat(picker.deficitOf(a)).isLessThanOrEqualTo(0);
    assertThat(take(picker, 4, ALL)).containsExactly(a, b, a, b);
  }

  @Test
  void newShopsJoinAtTheTailAndDeactivatedOnesLeave() {
    FairPicker picker = picker(a, b);
    assertThat(take(picker, 1, ALL)).containsExactly(a);
    picker.activate(c);
    picker.activate(a);
    assertThat(take(picker, 3, ALL)).containsExactly(b, c, a);
    picker.deactivate(b);
    assertThat(take(picker, 4, ALL)).containsExactly(c, a, c, a);
    picker.deactivate(a);
    picker.deactivate(c);
    assertThat(picker.isEmpty()).isTrue();
  }

  @Test
  void nothingRunnableOrNothingActiveGivesNoShop() {
    assertThat(new FairPicker().next(ALL)).isEmpty();
    FairPicker picker = picker(a, b);
    assertThat(picker.next(t -> false)).isEmpty();
    assertThat(picker.next(Set.of(b)::contains)).contains(b);
  }

  @Test
  void quantumMustBePositive() {
    assertThatThrownBy(() -> new FairPicker(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static FairPicker picker(TenantId... tenants) {
    FairPicker picker = new FairPicker();
    for (TenantId t : tenants) {
      picker.activate(t);
    }
    return picker;
  }

  /** {@code n} picks, each charged one unit, as the dispatcher does after a successful claim. */
  private static List<TenantId> take(FairPicker picker, int n, Predicate<TenantId> runnable) {
    List<TenantId> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TenantId next = picker.next(runnable).orElseThrow();
      picker.charge(next, 1);
      order.add(next);
    }
    return order;
  }
}
