/// Vectorised element-wise kernels over contiguous rows (Accelerate's vDSP does not exist on
/// Linux): eight lanes at a time with `SIMD8<Float>`, a padded vector for the tail.
enum VectorMath {
    typealias V = SIMD8<Float>

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    /// The first `count` (< 8) elements at `p`, the other lanes set to `fill`.
    @inline(__always) static func loadPartial(_ p: UnsafePointer<Float>, _ count: Int, fill: Float) -> V {
        var v = V(repeating: fill)
        for i in 0..<count { v[i] = p[i] }
        return v
    }

    @inline(__always) static func storePartial(_ v: V, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count { p[i] = v[i] }
    }

    /// `eˣ` to a relative error below 3e-7 for inputs in [-87, 88] (clamped outside).
    ///
    /// ```
    /// x = n·ln2 + r, |r| ≤ ln2/2;   eˣ = 2ⁿ · (1 + r + r²/2! + … + r⁶/6!)   (remainder < r⁷/7! ≈ 1.2e-7)
    /// ```
    /// `n` is rounded with the 1.5·2²³ trick and 2ⁿ built in the exponent bits, so no lane
    /// leaves the vector registers.
    @inline(__always) static func exp(_ x: V) -> V {
        // Mask selects rather than `clamped(…)`, whose generic pointwiseMin/Max are not inlined.
        let low = V(repeating: -87), high = V(repeating: 88)
        let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let magic = V(repeating: 12_582_912)  // 1.5·2²³: adding it rounds to an integer
        let shifted = clamped * V(repeating: 1.442_695_04) + magic
        let n = shifted - magic
        var r = clamped - n * V(repeating: 0.693_145_75)
        r = r - n * V(repeating: 1.428_606_8e-6)
        var p = V(repeating: 1.0 / 720)
        p = p * r + V(repeating: 1.0 / 120)
        p = p * r + V(repeating: 1.0 / 24)
        p = p * r + V(repeating: 1.0 / 6)
        p = p * r + V(repeating: 0.5)
        p = p * r + V(repeating: 1)
        p = p * r + V(repeating: 1)
        let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- 0x4B40_0000 &+ 127
        let scale = unsafeBitCast(bits &<< 23, to: V.self)
        return p * scale
    }

    /// `1 / (1 + e⁻ᶻ)`.
    @inline(__always) static func sigmoid(_ z: V) -> V {
        V(repeating: 1) / (V(repeating: 1) + exp(-z))
    }

    /// `destination[i] += source[i]` for `count` elements.
    static func add(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count { store(load(destination + i) + load(source + i), destination + i); i += 8 }
        while i < count { destination[i] += source[i]; i += 1 }
    }

    /// Applies `f` to `count` elements at `p` in place.
    @inline(__always) static func map(
        _ p: UnsafeMutablePointer<Float>, _ count: Int, _ f: (V) -> V
    ) {
        var i = 0
        while i + 8 <= count { store(f(load(p + i)), p + i); i += 8 }
        if i < count { storePartial(f(loadPartial(p + i, count - i, fill: 0)), p + i, count - i) }
    }
}
