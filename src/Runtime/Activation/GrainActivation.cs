using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;

namespace Commerce.Runtime.Activation;

/// <summary>
/// One live instance of a grain. Work arrives in a mailbox and runs one item at a time, in arrival order,
/// which is what lets grain code go without locks.
/// </summary>
/// <remarks>
/// An idle activation holds no task and no thread: the mailbox is a queue plus a flag saying whether someone is
/// pumping it. Whoever queues work into an idle activation pumps it, and runs that first item on its own thread:
/// a call on in-memory state (a product GET) then finishes before the caller returns, without a hop through the
/// thread pool. Anything queued behind it is pumped from the thread pool, so a caller never serves others' calls.
/// </remarks>
internal sealed class GrainActivation
{
    private readonly Queue<ActivationWorkItem> _mailbox = new(1);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private Action<GrainActivation>? _leaveDirectory;
    private bool _pumping = true; // until activated, calls only queue up
    private bool _closing;
    private bool _deactivateOnIdle;
    private bool _stateStale;
    private long _lastActive;

    public GrainActivation(GrainId id, TimeProvider time)
    {
        Id = id;
        _time = time;
        _lastActive = time.GetTimestamp();
    }

    public GrainId Id { get; }

    public Grain Instance { get; private set; } = null!;

    public IReadOnlyList<IReloadableState> States { get; private set; } = [];

    public TimeSpan IdleFor => _time.GetElapsedTime(LastActive);

    /// <summary>When the activation last finished a turn (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastActive => Interlocked.Read(ref _lastActive);

    /// <summary>Queues work; false when the activation is closing and the caller must find a new one.</summary>
    public bool TryEnqueue(ActivationWorkItem item)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return false;
            }

            _mailbox.Enqueue(item);
            if (_pumping)
            {
                return true;
            }

            _pumping = true;
        }

        _ = PumpAsync(onCallerThread: true);
        return true;
    }

    /// <summary>Stops accepting work if nothing is queued or running. Used by the idle collector.</summary>
    public bool TryCloseIfIdle()
    {
        lock (_gate)
        {
            if (_pumping || _closing)
            {
                return false;
            }

            _closing = true;
        }

        _ = DeactivateAsync();
        return true;
    }

    public void RequestDeactivationOnIdle()
    {
        lock (_gate)
        {
            _deactivateOnIdle = true;
        }
    }

    /// <summary>Creates the grain and its state, then runs what queued up meanwhile. Called once, by whoever created the activation.</summary>
    internal async Task ActivateAsync(GrainActivator activator, Action<GrainActivation> leaveDirectory)
    {
        _leaveDirectory = leaveDirectory;
        var creation = activator.CreateAsync(this);
        var onCallerThread = creation.IsCompleted;
        try
        {
            (Instance, States) = await creation;
        }
        catch (Exception ex)
        {
            List<ActivationWorkItem> waiting;
            lock (_gate)
            {
                _closing = true;
                _pumping = false;
                waiting = [.. _mailbox];
                _mailbox.Clear();
            }

            leaveDirectory(this);
            foreach (var item in waiting)
            {
                item.Fail(ex);
            }

            return;
        }

        await PumpAsync(onCallerThread);
    }

    /// <summary>Reloads every persistent state of this activation; failures surface to the caller.</summary>
    public async Task ReloadStateAsync()
    {
        foreach (var state in States)
        {
            await state.ReadAsync();
        }

        _stateStale = false;
    }

    /// <summary>Reloads, and if storage is unreachable remembers that the state is stale.</summary>
    public async Task TryReloadStateAsync()
    {
        try
        {
            await ReloadStateAsync();
        }
        catch (Exception)
        {
            // Serving the old state would break read-your-writes: the next call must reload first.
            _stateStale = true;
        }
    }

    /// <summary>Runs queued items until the mailbox is empty. Only one pump runs at a time (<see cref="_pumping"/>).</summary>
    private async Task PumpAsync(bool onCallerThread)
    {
        var ranOne = false;
        while (TryTakeNext(out var item))
        {
            if (onCallerThread && ranOne)
            {
                // The caller has had its own call served; the calls queued behind it go to the thread pool.
                await Task.Yield();
                onCallerThread = false;
            }

            var turn = RunItemAsync(item);
            onCallerThread &= turn.IsCompleted;
            try
            {
                await turn;
            }
            catch (Exception ex)
            {
                // Work items report their own failures; should one throw anyway, its caller hears of it and the
                // activation keeps serving instead of leaving its mailbox unpumped for good.
                item.Fail(ex);
            }

            ranOne = true;
            Interlocked.Exchange(ref _lastActive, _time.GetTimestamp());
        }
    }

    private bool TryTakeNext(out ActivationWorkItem item)
    {
        lock (_gate)
        {
            if (_mailbox.TryDequeue(out item!))
            {
                return true;
            }

            _pumping = false;
            if (!_deactivateOnIdle || _closing)
            {
                return false;
            }

            _closing = true;
        }

        _ = DeactivateAsync();
        return false;
    }

    private async Task DeactivateAsync()
    {
        _leaveDirectory?.Invoke(this);
        await Instance.OnDeactivateAsync(CancellationToken.None);
    }

    private async Task RunItemAsync(ActivationWorkItem item)
    {
        if (_stateStale && item is GrainCallWorkItem)
        {
            try
            {
                await ReloadStateAsync();
            }
            catch (Exception ex)
            {
                item.Fail(ex);
                return;
            }
        }

        await item.RunAsync(this);
    }
}
