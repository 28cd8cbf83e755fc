namespace Commerce.Runtime.Cluster;

/// <summary>
/// This process's current view of the cluster, kept fresh by <see cref="MembershipAgent"/>. Reading the view is
/// a volatile read, so routing a call costs no lock.
/// </summary>
public sealed class ClusterMembership : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> _suspects = new();
    private readonly Lock _gate = new();
    private ClusterView _published = ClusterView.Empty;
    private volatile ClusterView _view = ClusterView.Empty;
    private long _localGeneration;
    private readonly SemaphoreSlim _refreshRequested = new(0, 1);

    public ClusterView View => _view;

    /// <summary>Every silo row read last time, dead ones that ended recently included (for operators).</summary>
    public IReadOnlyList<SiloInfo> AllSilos { get; internal set; } = [];

    /// <summary>The generation this silo registered under, or null before it joined (and always for clients).</summary>
    public long? LocalGeneration => Interlocked.Read(ref _localGeneration) is var g and > 0 ? g : null;

    /// <summary>True once this silo is registered and appears in its own view as active.</summary>
    public bool IsJoined => LocalGeneration is { } g && _view.Find(g) is not null;

    /// <summary>
    /// False makes this silo stop like a crashed process: no goodbye and no more heartbeats, so the others must
    /// detect its death. A test seam for in-process clusters; real crashes are tested with real processes.
    /// </summary>
    internal bool LeaveOnStop { get; set; } = true;

    /// <summary>Raised after the set of active silos changed.</summary>
    public event Action<ClusterView>? Changed;

    /// <summary>Asks the agent to re-read membership now instead of at the next heartbeat.</summary>
    public void RequestRefresh()
    {
        if (_refreshRequested.CurrentCount == 0)
        {
            try
            {
                _refreshRequested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else asked at the same moment; one refresh serves both.
            }
        }
    }

    public void Dispose() => _refreshRequested.Dispose();

    internal Task WaitForRefreshRequestAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _refreshRequested.WaitAsync(timeout, cancellationToken);

    internal void SetLocalGeneration(long generation) => Interlocked.Exchange(ref _localGeneration, generation);

    /// <summary>
    /// Stops placing grains on a silo that refused a connection, until membership has caught up with it or the
    /// suspicion expires. Every process that meets the dead silo reaches the same conclusion, so placement stays
    /// consistent while the silo waits to be declared dead, and its grains move at once instead of after the
    /// death timeout.
    /// </summary>
    public void Suspect(long generation, TimeSpan duration)
    {
        if (generation == LocalGeneration)
        {
            return;
        }

        _suspects[generation] = DateTimeOffset.UtcNow + duration;
        Publish(null);
    }

    internal void Update(ClusterView view) => Publish(view);

    private void Publish(ClusterView? published)
    {
        ClusterView previous, next;
        lock (_gate)
        {
            _published = published ?? _published;
            var now = DateTimeOffset.UtcNow;
            foreach (var (generation, until) in _suspects)
            {
                if (until < now || _published.Find(generation) is null)
                {
                    _suspects.TryRemove(generation, out _);
                }
            }

            previous = _view;
            next = _suspects.IsEmpty ? _published : new ClusterView([.. _published.Active.Where(s => !_suspects.ContainsKey(s.Generation))]);
            _view = next;
        }

        if (previous.Key != next.Key)
        {
            Changed?.Invoke(next);
        }
    }
}
