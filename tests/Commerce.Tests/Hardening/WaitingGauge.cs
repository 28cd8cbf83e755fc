using System.Diagnostics.Metrics;

namespace Commerce.Tests.Hardening;

/// <summary>Reads one observable gauge of the meters an app (or a test's own container) created.</summary>
internal sealed class WaitingGauge : IDisposable
{
    private readonly MeterListener listener;
    private readonly string name;
    private long? value;

    public WaitingGauge(IMeterFactory meters, string name)
    {
        this.name = name;
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measured, _, _) => value = measured);
        listener.Start();
    }

    public long? Read()
    {
        listener.RecordObservableInstruments();
        return value;
    }

    public async Task UntilAsync(long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Read() != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} stayed {Read()}, expected {expected}");
            await Task.Delay(20);
        }
    }

    public void Dispose() => listener.Dispose();
}
