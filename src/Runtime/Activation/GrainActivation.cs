using System.Threading.Channels;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;

namespace Commerce.Runtime.Activation;

/// <summary>
/// One live instance of a grain. Work arrives in a mailbox and a single loop runs it one item at a time,
/// in arrival order, which is what lets grain code go without locks.
/// </summary>
internal sealed class GrainActivation
{
    private readonly Channel<ActivationWorkItem> _mailbox =
        Channel.CreateUnbounded<ActivationWorkItem>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
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

    /// <summary>Completes when the activation has stopped and left the directory.</summary>
    public Task Closed => _closed.Task;

    public TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastActive));

    /// <summary>Queues work; false when the activation is closing and the caller must find a new one.</summary>
    public bool TryEnqueue(ActivationWorkItem item)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return false;
            }

            _pending++;
            return _mailbox.Writer.TryWrite(item);
        }
    }

    /// <summary>Stops accepting work if nothing is queued or running. Used by the idle collector.</summary>
    public bool TryCloseIfIdle()
    {
        lock (_gate)
        {
            if (_pending > 0)
            {
                return false;
            }

            CloseUnderGate();
            return true;
        }
    }

    public void RequestDeactivationOnIdle()
    {
        lock (_gate)
        {
            _deactivateOnIdle = true;
        }
    }

    internal async Task RunAsync(GrainActivator activator, Action<GrainActivation> leaveDirectory)
    {
        try
        {
            (Instance, States) = await activator.CreateAsync(this);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                CloseUnderGate();
            }

            leaveDirectory(this);
            await foreach (var item in _mailbox.Reader.ReadAllAsync())
            {
                item.Fail(ex);
            }

            _closed.TrySetResult();
            return;
        }

        await foreach (var item in _mailbox.Reader.ReadAllAsync())
        {
            await RunItemAsync(item);
            lock (_gate)
            {
                _pending--;
                Interlocked.Exchange(ref _lastActive, _time.GetTimestamp());
                if (_deactivateOnIdle && _pending == 0)
                {
                    CloseUnderGate();
                }
            }
        }

        leaveDirectory(this);
        try
        {
            await Instance.OnDeactivateAsync(CancellationToken.None);
        }
        finally
        {
            _closed.TrySetResult();
        }
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

    private void CloseUnderGate()
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        _mailbox.Writer.TryComplete();
    }
}
