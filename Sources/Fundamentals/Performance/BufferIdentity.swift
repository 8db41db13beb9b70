import Tensors

/// Where an array's elements live, to watch copy-on-write happen.
///
/// Swift arrays (and so ``Tensor``, which stores its numbers in one) are values whose elements
/// sit in a shared, reference-counted buffer. `var b = a` copies only the reference; the first
/// write through either variable, while the buffer is shared, copies the elements to a new
/// buffer first. Comparing buffer addresses before and after shows exactly when that happens.
///
/// ```swift
/// let a = Tensor.zeros([1000])
/// var b = a
/// BufferIdentity.address(a) == BufferIdentity.address(b)   // true: one buffer
/// b[0] = 1                                                 // copy, then write
/// BufferIdentity.address(a) == BufferIdentity.address(b)   // false
/// ```
public enum BufferIdentity {
    /// The address of the first element of `array`'s buffer (0 for an empty array). Reading
    /// through a pointer never copies, so asking does not disturb what is being watched.
    public static func address(_ array: [Float]) -> UInt {
        array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// The address of a tensor's scalar buffer.
    public static func address(_ tensor: Tensor) -> UInt { address(tensor.scalars) }

    /// True when the two tensors currently share one buffer.
    public static func sharesStorage(_ a: Tensor, _ b: Tensor) -> Bool { a.count > 0 && address(a) == address(b) }
}
