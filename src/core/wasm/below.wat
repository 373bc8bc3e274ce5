;; below(count, term, limit, out) -> found
;;
;; For every id in 0..count-1 (in blocks of eight: the caller pads the halves to a multiple of
;; eight and drops ids >= count), finishes the keyed draw from the entity's kept half at byte
;; 4·id — fmix32(half ^ term), the same bits as keyedBitsFrom in rng.ts — and writes the ids
;; whose bits are below `limit` (unsigned) as i32 from byte `out` on, in ascending order.
;; Four draws at once in 128-bit lanes, two such blocks a round so that their multiplies overlap;
;; the unsigned comparison is made signed by flipping the sign bits of both sides (one xor, where
;; an unsigned lane comparison costs several instructions). The rare block with a hit is written
;; lane by lane.
(module
  (import "env" "memory" (memory 1))
  (func $hits (param $m v128) (param $id i32) (param $k i32) (result i32)
    (if (i32x4.extract_lane 0 (local.get $m))
      (then (i32.store (local.get $k) (local.get $id)) (local.set $k (i32.add (local.get $k) (i32.const 4)))))
    (if (i32x4.extract_lane 1 (local.get $m))
      (then (i32.store (local.get $k) (i32.add (local.get $id) (i32.const 1))) (local.set $k (i32.add (local.get $k) (i32.const 4)))))
    (if (i32x4.extract_lane 2 (local.get $m))
      (then (i32.store (local.get $k) (i32.add (local.get $id) (i32.const 2))) (local.set $k (i32.add (local.get $k) (i32.const 4)))))
    (if (i32x4.extract_lane 3 (local.get $m))
      (then (i32.store (local.get $k) (i32.add (local.get $id) (i32.const 3))) (local.set $k (i32.add (local.get $k) (i32.const 4)))))
    (local.get $k))
  (func (export "below") (param $count i32) (param $term i32) (param $limit i32) (param $out i32) (result i32)
    (local $p i32) (local $end i32) (local $k i32)
    (local $x v128) (local $y v128) (local $mx v128) (local $my v128)
    (local $vterm v128) (local $vlimit v128) (local $c1 v128) (local $c2 v128) (local $sign v128)
    (local.set $vterm (i32x4.splat (local.get $term)))
    (local.set $sign (i32x4.splat (i32.const 0x80000000)))
    (local.set $vlimit (v128.xor (i32x4.splat (local.get $limit)) (local.get $sign)))
    (local.set $c1 (i32x4.splat (i32.const 0x85ebca6b)))
    (local.set $c2 (i32x4.splat (i32.const 0xc2b2ae35)))
    ;; end = 32 · ceil(count / 8)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $count) (i32.const 7)) (i32.const -8)) (i32.const 2)))
    (local.set $k (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.xor (v128.load (local.get $p)) (local.get $vterm)))
        (local.set $y (v128.xor (v128.load offset=16 (local.get $p)) (local.get $vterm)))
        (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 16))))
        (local.set $y (v128.xor (local.get $y) (i32x4.shr_u (local.get $y) (i32.const 16))))
        (local.set $x (i32x4.mul (local.get $x) (local.get $c1)))
        (local.set $y (i32x4.mul (local.get $y) (local.get $c1)))
        (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 13))))
        (local.set $y (v128.xor (local.get $y) (i32x4.shr_u (local.get $y) (i32.const 13))))
        (local.set $x (i32x4.mul (local.get $x) (local.get $c2)))
        (local.set $y (i32x4.mul (local.get $y) (local.get $c2)))
        (local.set $x (v128.xor (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 16))) (local.get $sign)))
        (local.set $y (v128.xor (v128.xor (local.get $y) (i32x4.shr_u (local.get $y) (i32.const 16))) (local.get $sign)))
        (local.set $mx (i32x4.lt_s (local.get $x) (local.get $vlimit)))
        (local.set $my (i32x4.lt_s (local.get $y) (local.get $vlimit)))
        (if (v128.any_true (v128.or (local.get $mx) (local.get $my)))
          (then
            (local.set $k (call $hits (local.get $mx) (i32.shr_u (local.get $p) (i32.const 2)) (local.get $k)))
            (local.set $k (call $hits (local.get $my) (i32.add (i32.shr_u (local.get $p) (i32.const 2)) (i32.const 4)) (local.get $k)))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $k) (local.get $out)) (i32.const 2))))
