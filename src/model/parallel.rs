//! Work split over the cores: the same work on each item at once, the results in order.

/// How many cores this machine has (1 when it cannot tell).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// `work` on each item at once, the first on this thread and the others each on a thread of its
/// own; the results in the items' order. A panic of the work is passed on as it is.
pub fn each_at_once<I: Send, T: Send>(items: Vec<I>, work: impl Fn(I) -> T + Sync) -> Vec<T> {
    if items.len() < 2 {
        return items.into_iter().map(work).collect();
    }
    std::thread::scope(|scope| {
        let work = &work;
        let mut items = items.into_iter();
        let first = items.next();
        let handles: Vec<_> = items.map(|item| scope.spawn(move || work(item))).collect();
        let first = first.map(work);
        first
            .into_iter()
            .chain(
                handles
                    .into_iter()
                    .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))),
            )
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_results_come_in_the_items_order() {
        let items: Vec<u32> = (0..9).collect();
        assert_eq!(super::each_at_once(items, |n| n * 10), [0, 10, 20, 30, 40, 50, 60, 70, 80]);
        assert_eq!(super::each_at_once(Vec::<u32>::new(), |n| n), Vec::<u32>::new());
    }
}
