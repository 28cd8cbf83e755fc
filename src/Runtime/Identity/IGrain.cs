namespace Commerce.Runtime.Identity;

/// <summary>Marker for grain interfaces. Every method must return <see cref="Task"/> or <see cref="Task{T}"/>.</summary>
public interface IGrain;

/// <summary>A grain addressed by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;
