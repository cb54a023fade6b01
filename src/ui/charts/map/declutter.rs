//! Markers that would cover one another (the Chinese embassy and the post office across the
//! street in Seoul, Dandong and Sinuiju across the Yalu at the region's zoom) set apart on the
//! screen just enough to be seen and pointed at, each joined to its true point by a leader line.

use eframe::egui::{Pos2, Vec2};

/// How far a marker may be moved from its point, in screen points.
pub const MOST_MOVED: f32 = 60.0;
/// The space kept between two markers set apart.
const GAP: f32 = 2.0;
/// How many rounds of pushing apart.
const ROUNDS: usize = 16;

/// Moves the markers at `points` (with `radii`) apart until none covers another, or as far as
/// [`MOST_MOVED`] allows; the markers marked `fixed` (in an inset) stay.
pub fn spread_apart(points: &mut [Pos2], radii: &[f32], fixed: &[bool]) {
    let origins = points.to_vec();
    let reach = 2.0 * radii.iter().copied().fold(0.0, f32::max) + GAP;
    let mut order: Vec<usize> = (0..points.len()).filter(|&i| !fixed[i]).collect();
    for _ in 0..ROUNDS {
        order.sort_by(|&a, &b| points[a].x.total_cmp(&points[b].x));
        let mut moved = false;
        for (at, &i) in order.iter().enumerate() {
            for &j in &order[at + 1..] {
                if points[j].x - points[i].x >= reach {
                    break;
                }
                moved |= push_pair(points, (i, j), radii[i] + radii[j] + GAP);
            }
        }
        for &i in &order {
            let moved_by = points[i] - origins[i];
            if moved_by.length() > MOST_MOVED {
                points[i] = origins[i] + moved_by.normalized() * MOST_MOVED;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Pushes two markers apart to `need` between their centres; returns whether they were closer.
fn push_pair(points: &mut [Pos2], (i, j): (usize, usize), need: f32) -> bool {
    let apart = points[j] - points[i];
    let distance = apart.length();
    if distance >= need - 0.01 {
        return false;
    }
    // Markers on the very same point part along a direction of their own.
    #[allow(clippy::cast_precision_loss)] // an index as an angle
    let direction = if distance > 0.01 { apart / distance } else { Vec2::angled(j as f32 * 2.4) };
    let push = direction * (need - distance) / 2.0;
    points[i] -= push;
    points[j] += push;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_overlap(points: &[Pos2], radii: &[f32]) -> bool {
        (0..points.len()).all(|i| {
            (i + 1..points.len()).all(|j| points[i].distance(points[j]) >= radii[i] + radii[j] + GAP - 0.1)
        })
    }

    #[test]
    fn markers_on_one_point_or_close_are_set_apart_and_far_ones_stay() {
        let mut points = vec![
            Pos2::new(100.0, 100.0),
            Pos2::new(100.0, 100.0),
            Pos2::new(103.0, 101.0),
            Pos2::new(400.0, 50.0),
        ];
        let radii = [8.0, 6.0, 10.0, 12.0];
        spread_apart(&mut points, &radii, &[false; 4]);
        assert!(no_overlap(&points, &radii), "{points:?}");
        assert_eq!(points[3], Pos2::new(400.0, 50.0), "a marker clear of the others is not moved");
        assert!(points[..3].iter().all(|p| p.distance(Pos2::new(100.0, 100.0)) <= MOST_MOVED));
    }

    #[test]
    fn a_fixed_marker_stays_and_none_moves_beyond_the_limit() {
        let mut points: Vec<Pos2> = (0..30).map(|_| Pos2::new(50.0, 50.0)).collect();
        let radii = vec![15.0; 30];
        let mut fixed = vec![false; 30];
        fixed[0] = true;
        spread_apart(&mut points, &radii, &fixed);
        assert_eq!(points[0], Pos2::new(50.0, 50.0));
        assert!(points.iter().all(|p| p.distance(Pos2::new(50.0, 50.0)) <= MOST_MOVED + 0.01));
    }
}
